"""The report as one self-contained HTML file: inline CSS, inline SVG charts, no script, no
font, no image or link to anywhere else. Everything users typed is escaped."""
from __future__ import annotations

import datetime as dt
from html import escape
from typing import Iterable, List, Sequence

from actions import record
from bot.report import charts
from bot.report.summary import KIND_LABELS, Summary

# The most asked groups of unanswered questions shown; the review export has them all.
MAX_GROUPS = 100

CSS = """
:root { --accent: #154273; --text: #1a1a1a; --muted: #4a4a4a; --line: #d5dbe1; --canvas: #f3f5f7; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--canvas); color: var(--text);
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 48px; }
header { background: var(--accent); color: #fff; }
header .inner { max-width: 1000px; margin: 0 auto; padding: 20px; }
h1 { margin: 0; font-size: 24px; }
header p { margin: 4px 0 0; }
h2 { margin: 32px 0 8px; font-size: 19px; }
p.note { color: var(--muted); margin: 4px 0 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 8px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.card .value { font-size: 26px; font-weight: 700; color: var(--accent); }
.card .label { color: var(--muted); font-size: 13.5px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 4px 18px 16px; margin-top: 16px; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13.5px; color: var(--muted); font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.variants { color: var(--muted); font-size: 13.5px; }
svg.chart { width: 100%; height: auto; max-width: 760px; display: block; margin-top: 8px; }
.two svg.chart { max-width: 440px; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
@media (max-width: 760px) { .two { grid-template-columns: 1fr; } }
.empty { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px; margin-top: 16px; font-size: 17px; }
blockquote { margin: 0; padding-left: 10px; border-left: 3px solid var(--line); white-space: pre-wrap; }
"""


def _fmt_time(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    head = "".join(f'<th scope="col"{" class=n" if i in numeric else ""}>{escape(h)}</th>' for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{cell}</td>' for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _card(value: str, label: str) -> str:
    return f'<div class="card"><div class="value">{escape(value)}</div><div class="label">{escape(label)}</div></div>'


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.0%}" if whole else "–"


def render(summary: Summary, store: str, generated: dt.datetime, tz_name: str) -> str:
    period = f"{_fmt_time(summary.since)} – {_fmt_time(summary.until)} ({tz_name})"
    parts: List[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>NPO-assistent report {escape(summary.since.strftime('%Y-%m-%d'))} – "
        f"{escape(summary.until.strftime('%Y-%m-%d'))}</title>",
        f"<style>{CSS}</style></head><body>",
        '<header><div class="inner"><h1>NPO-assistent: what users asked</h1>',
        f"<p>{escape(period)}</p></div></header><main>",
    ]
    if summary.empty:
        parts.append(f'<p class="empty">No conversations in this period ({escape(period)}). '
                     "Nothing to review.</p>")
    else:
        parts.append(_body(summary))
    parts.append(f'<p class="note">Generated {escape(_fmt_time(generated))} from {escape(store)} by '
                 "<code>python -m bot.report</code>. Personal data (e-mail, phone, BSN, IBAN, address) is "
                 "replaced by placeholders before it is stored.</p>")
    parts.append("</main></body></html>")
    return "\n".join(parts)


def _body(s: Summary) -> str:
    answered = dict(s.kinds).get(record.ANSWERED, 0)
    unanswered = sum(g.count for g in s.unanswered)
    up, down = s.ratings.get("up", 0), s.ratings.get("down", 0)
    out = ['<div class="cards">',
           _card(str(s.conversations), "conversations"),
           _card(str(s.messages), "messages"),
           _card(_pct(answered, s.messages), "answered from the documents"),
           _card(str(unanswered), "questions not answered"),
           _card(f"{up} / {down}", "answers rated helpful / not helpful"),
           "</div>"]

    out.append("<section><h2>Conversations and messages per day</h2>")
    out.append(charts.per_day(s.per_day))
    out.append(_table(["day", "conversations", "messages"],
                      ([escape(d.strftime("%a %Y-%m-%d")), str(c), str(m)] for d, c, m in s.per_day), (1, 2)))
    out.append("</section>")

    out.append("<section><h2>Replies by kind</h2>")
    shown = [(KIND_LABELS.get(k, k), n / s.messages) for k, n in s.kinds if n]
    out.append(charts.bars(shown, "Share of replies by kind", percent=True))
    out.append(_table(["kind", "messages", "share"],
                      ([escape(KIND_LABELS.get(k, k)), str(n), _pct(n, s.messages)] for k, n in s.kinds), (1, 2)))
    out.append("</section>")

    out.append("<section><h2>Questions the bot could not answer</h2>")
    out.append('<p class="note">Near-duplicates are grouped. Add a phrasing to <code>data/nlu/</code>, a synonym '
               "to <code>knowledge/lexicon.yml</code>, or accept that the documents do not say it. "
               "<code>make review</code> exports these as NLU YAML.</p>")
    if s.unanswered:
        rows = []
        for group in s.unanswered[:MAX_GROUPS]:
            others = [v for v, _ in group.variants.most_common() if v != group.text][:5]
            variants = f'<div class="variants">also: {escape(" · ".join(others))}</div>' if others else ""
            kinds = ", ".join(KIND_LABELS.get(k, k) for k, _ in group.kinds.most_common())
            rows.append([str(group.count), escape(group.text) + variants, escape(kinds)])
        out.append(_table(["times", "question", "reply"], rows, (0,)))
        if len(s.unanswered) > MAX_GROUPS:
            rest = s.unanswered[MAX_GROUPS:]
            out.append(f'<p class="note">And {len(rest)} more questions ({sum(g.count for g in rest)} messages), '
                       "each asked less often: <code>make review</code> lists them all.</p>")
    else:
        out.append("<p>None: every question got an answer.</p>")
    out.append("</section>")

    out.append("<section><h2>Answers rated not helpful</h2>")
    if s.thumbs_down:
        rows = [[escape(t.text), f"<blockquote>{escape(_excerpt(t.reply))}</blockquote>",
                 escape(t.comment or "–")] for t in s.thumbs_down]
        out.append(_table(["question", "answer", "comment"], rows))
    else:
        out.append("<p>No answer was rated not helpful.</p>")
    out.append(f'<p class="note">Users rated {up} answers helpful (thumbs up) and {down} not helpful '
               "(thumbs down) with the buttons under each answer.</p></section>")

    out.append('<div class="two">')
    out.append("<section><h2>Topics most asked</h2>"
               '<p class="note">The intent NLU gave each message.</p>')
    out.append(_list_chart(s.topics, "Topics most asked"))
    out.append("</section><section><h2>Sources most used</h2>"
               '<p class="note">The places the answers cite.</p>')
    out.append(_list_chart(s.sources, "Sources most used"))
    out.append("</section></div>")

    out.append("<section><h2>Response time</h2>")
    if s.latency_ms:
        lat = s.latency_ms
        out.append('<p class="note">From the stored user message to the first stored reply, per message '
                   "(the bot's own time; network and NLU parsing not included).</p>")
        out.append(_table(["messages", "p50", "p90", "p95", "max"],
                          [[str(int(lat["count"]))] + [f"{lat[k]:.0f} ms" for k in ("p50", "p90", "p95", "max")]],
                          (0, 1, 2, 3, 4)))
    else:
        out.append("<p>Not recorded.</p>")
    out.append("</section>")

    out.append("<section><h2>Language</h2>")
    if s.languages:
        out.append(_table(["language", "replies"], ([escape(k), str(n)] for k, n in s.languages), (1,)))
    else:
        out.append("<p>Every reply is Dutch (the language of replies is not recorded yet).</p>")
    out.append("</section>")
    return "\n".join(out)


def _list_chart(items: List, label: str) -> str:
    if not items:
        return "<p>None.</p>"
    # Half a page wide: a narrower figure keeps its text as large as the full-width charts'.
    return charts.bars([(str(k), n) for k, n in items], label, width=4.2, max_label=30) + _table(
        ["", "times"], ([escape(str(k)), str(n)] for k, n in items), (1,))


def _excerpt(text: str, limit: int = 300) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"
