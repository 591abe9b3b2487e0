"""Where the tracker store is: the SQLAlchemy URL of the SQL tracker store an endpoints file names.

Shared by the tools that read the store directly (`bot.ops.purge`, `bot.report`): the SQLite
file of `make run` (`endpoints.yml`) or PostgreSQL in the cluster (`deploy/endpoints.cluster.yml`,
environment variables expanded as Rasa does). Relative SQLite paths are relative to the project
directory, as for `make run`.
"""
from __future__ import annotations

import os
import warnings
from pathlib import Path

os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
import sqlalchemy as sa  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[2]


def db_url_from_endpoints(endpoints: Path) -> sa.engine.URL:
    """The SQLAlchemy URL of the SQL tracker store configured in an endpoints file."""
    with warnings.catch_warnings():  # Rasa's imports warn about its own dependencies
        warnings.simplefilter("ignore")
        from rasa.core.tracker_store import SQLTrackerStore
        from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(endpoints), "tracker_store")
    if config is None or (config.type or "").lower() != "sql":
        raise ValueError(f"{endpoints} has no SQL tracker store (tracker_store: type: SQL)")
    kwargs = dict(config.kwargs)
    dialect = kwargs.get("dialect", "sqlite")
    db = kwargs.get("db", "rasa.db")
    if dialect == "sqlite" and db and not os.path.isabs(db):
        db = str(REPO_ROOT / db)
    port = kwargs.get("port")
    with warnings.catch_warnings():  # Rasa builds the URL with an API SQLAlchemy 1.4 calls deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        url = SQLTrackerStore.get_db_url(
            dialect=dialect, host=config.url, port=int(port) if port else None, db=db,
            username=kwargs.get("username"), password=kwargs.get("password"), query=kwargs.get("query"),
        )
    return sa.engine.make_url(url) if isinstance(url, str) else url
