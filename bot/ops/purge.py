"""Delete old conversations from the tracker store (privacy: keep no more than needed).

    python -m bot.ops.purge --older-than-days 30                 # the SQLite store of `make run`
    python -m bot.ops.purge --older-than-days 30 --endpoints deploy/endpoints.cluster.yml   # PostgreSQL
    python -m bot.ops.purge --older-than-days 30 --dry-run       # only count

A conversation is deleted as a whole when its most recent event is older than the cut-off, so no
tracker is ever left half-deleted. The tracker store is read from the endpoints file the server
uses (environment variables expanded as Rasa does); relative SQLite paths are relative to the
project directory, as for `make run`. Run it from cron, for example daily.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

# Rasa 3.6 uses SQLAlchemy 1.4 APIs that 2.0 removes; the notice is for Rasa's authors, not operators.
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
import sqlalchemy as sa  # noqa: E402

from bot.ops.serve import REPO_ROOT  # noqa: E402
from bot.ops.trackerdb import db_url_from_endpoints  # noqa: E402

EVENTS = sa.table("events", sa.column("sender_id"), sa.column("timestamp"))


@dataclass(frozen=True)
class PurgeResult:
    conversations: int
    events: int


def purge(engine: sa.engine.Engine, older_than_days: float, dry_run: bool = False,
          now: Optional[float] = None) -> PurgeResult:
    """Delete every conversation whose latest event is older than `older_than_days`."""
    cutoff = (now if now is not None else time.time()) - older_than_days * 86400.0
    inspector = sa.inspect(engine)
    if not inspector.has_table("events"):
        return PurgeResult(0, 0)
    stale = (
        sa.select(EVENTS.c.sender_id)
        .group_by(EVENTS.c.sender_id)
        .having(sa.func.max(EVENTS.c.timestamp) < cutoff)
    )
    with engine.begin() as connection:
        senders = [row[0] for row in connection.execute(stale)]
        if not senders:
            return PurgeResult(0, 0)
        events = 0
        for start in range(0, len(senders), 500):  # bounded IN lists
            chunk = senders[start:start + 500]
            where = EVENTS.c.sender_id.in_(chunk)
            if dry_run:
                events += connection.execute(sa.select(sa.func.count()).select_from(EVENTS).where(where)).scalar_one()
            else:
                events += connection.execute(sa.delete(EVENTS).where(where)).rowcount
    return PurgeResult(len(senders), events)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.ops.purge", description=__doc__.split("\n\n")[0])
    parser.add_argument("--older-than-days", type=float, required=True,
                        help="delete conversations idle for longer than this many days")
    parser.add_argument("--endpoints", type=Path, default=REPO_ROOT / "endpoints.yml",
                        help="endpoints file with the tracker store (default: endpoints.yml)")
    parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")
    args = parser.parse_args(argv)
    if args.older_than_days < 0:
        print("error: --older-than-days must be 0 or more", file=sys.stderr)
        return 2
    try:
        url = db_url_from_endpoints(args.endpoints.resolve())
        if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
            print(f"No tracker store at {url.database}; nothing to purge.")
            return 0
        engine = sa.create_engine(url)
        try:
            result = purge(engine, args.older_than_days, args.dry_run)
        finally:
            engine.dispose()
    except Exception as error:  # noqa: BLE001 - one clear line for the operator
        print(f"error: purge failed: {error.__class__.__name__}: {error}", file=sys.stderr)
        return 1
    verb = "Would delete" if args.dry_run else "Deleted"
    print(f"{verb} {result.conversations} conversations ({result.events} events) idle for more than "
          f"{args.older_than_days:g} days from {url.render_as_string(hide_password=True)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
