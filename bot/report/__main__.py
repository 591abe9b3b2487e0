"""python -m bot.report --since 7d --out results/report.html: the weekly report (see bot.report)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import List, Optional

from bot.report import cli
from bot.report.page import render
from bot.report.store import read_turns
from bot.report.summary import summarise


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.report",
                                     description="Write the operators' report as one self-contained HTML file.")
    cli.add_arguments(parser, "results/report.html")
    args = parser.parse_args(argv)
    try:
        since, until, tz = cli.period(args)
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    try:
        engine, store = cli.engine_and_name(args)
        try:
            turns = read_turns(engine, since.timestamp(), until.timestamp()) if engine is not None else []
        finally:
            if engine is not None:
                engine.dispose()
    except Exception as error:  # noqa: BLE001 - one clear line for the operator
        print(f"error: could not read the tracker store: {error.__class__.__name__}: {error}", file=sys.stderr)
        return 1
    summary = summarise(turns, since, until, tz)
    html = render(summary, store, dt.datetime.now(tz), args.timezone)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(html, encoding="utf-8")
    print(f"Report of {summary.conversations} conversations and {summary.messages} messages "
          f"({since:%Y-%m-%d %H:%M} – {until:%Y-%m-%d %H:%M}) written to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
