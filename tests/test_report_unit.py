"""The report's parts without a database or a bot: turns from stored events, grouping, the page."""
from __future__ import annotations

import argparse
import datetime as dt
import json

import pytest

from actions import record
from bot.report.cli import parse_since
from bot.report.page import render
from bot.report.store import NO_REPLY, turns_from_events
from bot.report.summary import group_questions, normalise, percentiles, source_label, summarise

UTC = dt.timezone.utc
T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=UTC).timestamp()


def user(sender, t, text, intent="ask_budget"):
    return (sender, "user", T0 + t, json.dumps({"text": text, "parse_data": {"intent": {"name": intent}}}))


def bot(sender, t, text, kind=None, reply_id="r1", sources=()):
    metadata = {"npo_reply": {"id": reply_id, "kind": kind, "sources": list(sources)}} if kind else {}
    return (sender, "bot", T0 + t, json.dumps({"text": text, "metadata": metadata}))


def rating(sender, t, reply_id, value, comment=None):
    data = {"npo_feedback": {"answer_id": reply_id, "rating": value, "comment": comment}}
    return (sender, "agent", T0 + t, json.dumps({"data": data}))


ROWS = [
    ("s1", "session_started", T0, "{}"),
    user("s1", 1, "Krijg ik korting?", "ask_tuition"),
    bot("s1", 1.02, "Ja.\nBron: …", record.ANSWERED, "a1", [{"title": "Kamerbrief voortgang NP Onderwijs", "page": 12}]),
    rating("s1", 5, "a1", "up"),
    rating("s1", 6, "a1", "down", "<script>alert(1)</script>"),  # the later rating counts
    user("s1", 10, "Hoeveel krijgt een gemeente?"),
    bot("s1", 10.05, "De documenten noemen hier geen bedrag bij.", record.NOT_IN_DOCUMENTS, "a2"),
    user("s1", 20, "/restart"),  # no reply stored: the channel answered itself
    ("s1", "session_started", T0 + 4000, "{}"),
    user("s1", 4001, "hoeveel krijgt een gemeente"),
    bot("s1", 4001.1, "Wat bedoel je?"),  # a reply without a record: dialogue
    bot("s1", 4001.2, "De documenten noemen hier geen bedrag bij.", record.NOT_IN_DOCUMENTS, "a3"),
    user("s2", 90000, "<b>hoi</b>", "greet"),
    bot("s2", 90000.01, "Hoi!", record.DIALOGUE, "a4"),
    rating("s2", 90001, "a1", "down"),  # another conversation's answer: ignored
]


@pytest.fixture
def turns():
    return turns_from_events(ROWS)


def test_turns_from_stored_events(turns):
    assert [t.kind for t in turns] == [record.ANSWERED, record.NOT_IN_DOCUMENTS, NO_REPLY, record.NOT_IN_DOCUMENTS,
                                       record.DIALOGUE]
    first = turns[0]
    assert (first.rating, first.comment) == ("down", "<script>alert(1)</script>")
    assert first.latency_ms == pytest.approx(20, abs=0.5)
    assert [t.session for t in turns] == [1, 1, 1, 2, 0]
    assert turns[3].answer_id == "a3" and turns[3].latency_ms == pytest.approx(100, abs=0.5)


def test_summary(turns):
    since, until = dt.datetime(2026, 11, 20, tzinfo=UTC), dt.datetime(2026, 11, 22, tzinfo=UTC)
    summary = summarise(turns, since, until, UTC)
    assert summary.conversations == 3  # two sessions of s1, one of s2
    assert summary.messages == 5
    assert summary.per_day == [(dt.date(2026, 11, 20), 2, 4), (dt.date(2026, 11, 21), 1, 1)]
    assert dict(summary.kinds)[record.NOT_IN_DOCUMENTS] == 2 and dict(summary.kinds)[NO_REPLY] == 1
    assert [(g.text, g.count) for g in summary.unanswered][0] == ("Hoeveel krijgt een gemeente?", 2)
    assert summary.ratings == {"down": 1}
    assert summary.sources == [("Kamerbrief voortgang NP Onderwijs, p. 12", 1)]
    assert summary.topics[0] == ("ask_budget", 2)
    html = render(summary, "sqlite:///x.db", until, "UTC")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>hoi</b>" not in html


def test_near_duplicates_are_one_group():
    from bot.report.store import Turn

    texts = ["Krijg ik korting op collegegeld?", "krijg ik korting op collegegeld", "Krijg ik kortng op collegegeld?",
             "Korting op collegegeld krijg ik?", "Wat is het weer?"]
    groups = group_questions(Turn("s", 0, 0.0, t, None, None, kind=record.FALLBACK) for t in texts)
    assert [g.count for g in groups] == [4, 1]
    assert normalise("  Wát   is het?! ") == "wat is het"


def test_source_labels_read_like_the_bron_line():
    assert source_label({"title": "Bijlage 1", "theme": 6}) == "Bijlage 1, Thema 6"
    assert source_label({"title": "Kamerbrief voortgang NP Onderwijs", "page": 3}) == \
        "Kamerbrief voortgang NP Onderwijs, p. 3"


def test_percentiles():
    assert percentiles([]) is None
    values = percentiles([float(v) for v in range(1, 101)])
    assert (values["p50"], values["p95"], values["max"], values["count"]) == (50, 95, 100, 100)


def test_since():
    now = dt.datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    assert parse_since("7d", now) == now - dt.timedelta(days=7)
    assert parse_since("24h", now) == now - dt.timedelta(hours=24)
    assert parse_since("2026-11-16", now) == dt.datetime(2026, 11, 16, tzinfo=UTC)
    with pytest.raises(argparse.ArgumentTypeError):
        parse_since("last week", now)


def test_empty_period_page():
    since, until = dt.datetime(2026, 11, 20, tzinfo=UTC), dt.datetime(2026, 11, 27, tzinfo=UTC)
    html = render(summarise([], since, until, UTC), "sqlite:///x.db", until, "UTC")
    assert "No conversations in this period" in html and "<svg" not in html
