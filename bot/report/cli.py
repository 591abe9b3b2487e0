"""What `python -m bot.report` and `python -m bot.report.review` share: the period and the store."""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Tuple

import sqlalchemy as sa

from bot.ops.trackerdb import REPO_ROOT, db_url_from_endpoints
from bot.report.store import Turn, read_turns

DEFAULT_TZ = "Europe/Amsterdam"
_RELATIVE = re.compile(r"^(\d+)\s*([dhw])$")


def parse_since(value: str, now: dt.datetime) -> dt.datetime:
    """"7d", "24h", "2w", or a date/time ("2026-11-16", "2026-11-16T08:00") in now's time zone."""
    value = value.strip()
    match = _RELATIVE.match(value)
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        return now - {"h": dt.timedelta(hours=amount), "d": dt.timedelta(days=amount),
                      "w": dt.timedelta(weeks=amount)}[unit]
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--since takes 7d, 24h, 2w or a date like 2026-11-16, not {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=now.tzinfo)


def timezone(name: str) -> dt.tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - no tz database: report in UTC
        return dt.timezone.utc


def add_arguments(parser: argparse.ArgumentParser, out: str) -> None:
    parser.add_argument("--since", default="7d", help="start of the period: 7d, 24h, 2w or a date (default 7d)")
    parser.add_argument("--until", default=None, help="end of the period (default: now)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / out, help=f"output file (default {out})")
    parser.add_argument("--endpoints", type=Path, default=REPO_ROOT / "endpoints.yml",
                        help="endpoints file with the tracker store (default endpoints.yml; "
                             "deploy/endpoints.cluster.yml for PostgreSQL)")
    parser.add_argument("--db-url", default=None, help="SQLAlchemy URL of the tracker store instead of --endpoints")
    parser.add_argument("--timezone", default=DEFAULT_TZ, help=f"time zone of days and times (default {DEFAULT_TZ})")


def period(args: argparse.Namespace) -> Tuple[dt.datetime, dt.datetime, dt.tzinfo]:
    tz = timezone(args.timezone)
    now = dt.datetime.now(tz)
    until = parse_since(args.until, now) if args.until else now
    since = parse_since(args.since, until)
    if since >= until:
        raise argparse.ArgumentTypeError("--since must be before --until")
    return since, until, tz


def engine_and_name(args: argparse.Namespace) -> Tuple[Optional[sa.engine.Engine], str]:
    """The store's engine (None: a SQLite file that does not exist yet, i.e. no conversations)
    and a name for it without its password."""
    url = sa.engine.make_url(args.db_url) if args.db_url else db_url_from_endpoints(args.endpoints.resolve())
    name = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        return None, name
    return sa.create_engine(url), name


@dataclass
class Loaded:
    turns: List[Turn]
    since: dt.datetime
    until: dt.datetime
    tz: dt.tzinfo
    store: str


def load(parser: argparse.ArgumentParser, argv: Optional[List[str]]) -> Tuple[argparse.Namespace, Optional[Loaded]]:
    """Parse the command line and read the period's turns; None (after one line on stderr) when
    the store cannot be read. A bad --since/--until exits with the usage message."""
    args = parser.parse_args(argv)
    try:
        since, until, tz = period(args)
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    try:
        engine, store = engine_and_name(args)
        try:
            turns = read_turns(engine, since.timestamp(), until.timestamp()) if engine is not None else []
        finally:
            if engine is not None:
                engine.dispose()
    except Exception as error:  # noqa: BLE001 - one clear line for the operator
        print(f"error: could not read the tracker store: {error.__class__.__name__}: {error}", file=sys.stderr)
        return args, None
    return args, Loaded(turns, since, until, tz, store)
