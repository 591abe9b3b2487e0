"""python -m bot.report --since 7d --out results/report.html: the weekly report (see bot.report)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import List, Optional

from bot.report import cli
from bot.report.page import render
from bot.report.summary import summarise


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.report",
                                     description="Write the operators' report as one self-contained HTML file.")
    cli.add_arguments(parser, "results/report.html")
    args, loaded = cli.load(parser, argv)
    if loaded is None:
        return 1
    since, until, tz = loaded.since, loaded.until, loaded.tz
    summary = summarise(loaded.turns, since, until, tz)
    html = render(summary, loaded.store, dt.datetime.now(tz), args.timezone)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(html, encoding="utf-8")
    print(f"Report of {summary.conversations} conversations and {summary.messages} messages "
          f"({since:%Y-%m-%d %H:%M} – {until:%Y-%m-%d %H:%M}) written to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
