"""The report's charts as inline SVG, drawn with matplotlib (the version Rasa 3.6 installs).

Text stays text (`svg.fonttype: none`, so the page's font is used and no font is embedded or
fetched), the XML prolog and metadata are left out, and ids are stable between runs.
"""
from __future__ import annotations

import datetime as dt
import io
import re
from typing import List, Sequence, Tuple

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ACCENT = "#154273"
SECOND = "#7fa6d3"
GRID = "#d5dbe1"
TEXT = "#1a1a1a"

STYLE = {
    "svg.fonttype": "none",
    "svg.hashsalt": "npo-report",
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.edgecolor": GRID,
    "axes.labelcolor": TEXT,
    "xtick.color": TEXT,
    "ytick.color": TEXT,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _svg(fig, label: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight",
                metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    # Scales with the page; a screen reader reads the label (the numbers are in the table beside).
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"',
                 lambda m: f'<svg {m.group(1)}role="img" aria-label="{_attr(label)}" class="chart"', svg, count=1)
    return svg


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _short(name: str, limit: int) -> str:
    """A label within `limit` characters; "Kamerbrief voortgang NP Onderwijs, p. 12" keeps its
    location at the end: "Kamerbrief voortgang…, p. 12"."""
    if len(name) <= limit:
        return name
    head, _, tail = name.rpartition(", ")
    keep = limit - len(tail) - 3
    if head and keep >= 8:
        return head[:keep].rstrip() + "…, " + tail
    return name[:limit - 1].rstrip() + "…"


def per_day(days: Sequence[Tuple[dt.date, int, int]]) -> str:
    """Conversations and messages per day, side by side."""
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 2.8))
        x = list(range(len(days)))
        width = 0.4
        ax.bar([i - width / 2 for i in x], [d[1] for d in days], width, color=ACCENT, label="conversations")
        ax.bar([i + width / 2 for i in x], [d[2] for d in days], width, color=SECOND, label="messages")
        step = max(1, len(days) // 14)
        ax.set_xticks(x[::step])
        # Two short lines per day ("Mon" / "16 Nov") fit up to two weeks side by side.
        ax.set_xticklabels([d[0].strftime("%a\n%d %b") for d in days][::step], rotation=0, ha="center")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        # Above the plot, where no bar can sit under it.
        ax.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=2)
        return _svg(fig, "Conversations and messages per day")


def bars(items: List[Tuple[str, float]], label: str, percent: bool = False, width: float = 7.5,
         max_label: int = 48) -> str:
    """A horizontal bar chart, the largest on top; `width` in inches (4.2 for half a page)."""
    with plt.rc_context(STYLE):
        height = 0.45 + 0.32 * max(1, len(items))
        fig, ax = plt.subplots(figsize=(width, height))
        names = [_short(name, max_label) for name, _ in items][::-1]
        values = [value for _, value in items][::-1]
        # By position: a categorical axis would merge two labels that shorten to the same text.
        ax.barh(range(len(values)), values, color=ACCENT, height=0.6)
        ax.set_yticks(range(len(values)))
        ax.set_yticklabels(names)
        top = max(values) if values else 1
        for y, value in enumerate(values):
            shown = f"{value:.0%}" if percent else f"{value:g}"
            ax.text(value + top * 0.01, y, shown, va="center", color=TEXT)
        ax.set_xlim(0, top * 1.12 if top else 1)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        ax.tick_params(axis="y", length=0)
        return _svg(fig, label)
