"""Two hot spots of Rasa 3.6 found with py-spy under load, fixed without changing behaviour.

Imported by the project's Rasa-side modules (the Dutch spaCy component and the channels), so it
is active in every Rasa server process and in nothing else.

1. Rasa validates every action-server reply with `jsonschema.validate`, which re-checks the
   schema itself on each call (~46 ms per reply under load, about half of Rasa's CPU). Here the
   validator is built once; invalid replies still raise the same `ValidationError`.
2. The SQLite tracker store commits every event with SQLite's defaults (rollback journal,
   synchronous=FULL). WAL with synchronous=NORMAL keeps the file consistent after a crash or a
   kill -9 (only a power cut can lose the last commits) and makes writes several times cheaper.
3. SQLAlchemy 1.4 gives a file-based SQLite engine a `NullPool`: Rasa's SQL tracker store opened
   a new SQLite connection for every retrieve and every save (twice per message), ran the
   PRAGMAs again and closed it; closing the last connection of a WAL database checkpoints and
   deletes the WAL file. Under 20 users that was ~15 % of Rasa's CPU (`do_close`, `connect`).
   The tracker store's SQLite engine now keeps its connections in a `QueuePool` (what
   SQLAlchemy 2.0 does by default). Sessions still end with a rollback or commit when they go
   back to the pool, so no read snapshot outlives a session and other processes' writes stay
   visible. PostgreSQL and in-memory SQLite keep Rasa's own settings.

Found at turn 50 of one conversation (Rasa rebuilds the tracker from every stored event on
each message):

4. `Event.resolve_by_type` walked the whole `Event` class tree with `inspect.isabstract` for
   every stored event (~21 % of Rasa's CPU at turn 50). The type-name lookup is now cached and
   rebuilt whenever a new `Event` subclass is defined; unknown names take Rasa's own path.
5. `SQLTrackerStore._retrieve` built a full ORM object per stored event (~11 %) but only reads
   the `data` column. It now selects that column with the same filters and order.
"""
from __future__ import annotations

import functools
import json
import logging
import sqlite3
import weakref
from typing import Any, Dict, Optional, Text, Type

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.shared.constants import DOCS_BASE_URL
from rasa.core.actions.action import RemoteAction
from rasa.core import tracker_store as _tracker_store
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
import rasa.shared.utils.common
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool


@functools.lru_cache(maxsize=None)
def _action_result_validator():
    spec = RemoteAction.action_response_format_spec()
    validator_class = validator_for(spec)
    validator_class.check_schema(spec)
    return validator_class(spec)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    error = best_match(_action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


RemoteAction._validate_action_result = _validate_action_result


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


_rasa_create_engine_kwargs = _tracker_store.create_engine_kwargs


def is_sqlite_file_url(url: Any) -> bool:
    """True for a SQLite database in a file (not `:memory:` nor a shared in-memory URI)."""
    parsed = make_url(str(url)) if not hasattr(url, "get_backend_name") else url
    if parsed.get_backend_name() != "sqlite":
        return False
    database = parsed.database or ""
    return database not in ("", ":memory:") and "mode=memory" not in database \
        and parsed.query.get("mode") != "memory"


def _create_engine_kwargs(url: Any) -> Dict[Text, Any]:
    kwargs = _rasa_create_engine_kwargs(url)
    if is_sqlite_file_url(url):
        kwargs.setdefault("poolclass", QueuePool)
        # A pooled connection may be checked out by another thread than the one that opened it;
        # the pool hands each connection to one checkout at a time, which is what SQLite needs.
        connect_args = dict(kwargs.get("connect_args") or {})
        connect_args.setdefault("check_same_thread", False)
        kwargs["connect_args"] = connect_args
    return kwargs


_tracker_store.create_engine_kwargs = _create_engine_kwargs


class _EventTypeIndex:
    """First non-abstract `Event` subclass per `type_name`, in `all_subclasses(Event)` order.

    Rebuilt after any new subclass of `Event` is defined (an `__init_subclass__` hook bumps the
    generation) or when a cached class has been garbage-collected, so it always answers what
    walking the live class tree would answer.
    """

    def __init__(self) -> None:
        self.generation = 0
        self._built_for = -1
        self._by_name: Dict[Text, "weakref.ReferenceType[Type[Event]]"] = {}

    def invalidate(self) -> None:
        self.generation += 1

    def _build(self) -> None:
        by_name: Dict[Text, Any] = {}
        for cls in rasa.shared.utils.common.all_subclasses(Event):
            by_name.setdefault(cls.type_name, weakref.ref(cls))
        self._by_name = by_name
        self._built_for = self.generation

    def lookup(self, type_name: Text) -> Optional[Type[Event]]:
        if self._built_for != self.generation:
            self._build()
        ref = self._by_name.get(type_name)
        cls = ref() if ref is not None else None
        if ref is not None and cls is None:  # a dynamically defined class is gone
            self._build()
            ref = self._by_name.get(type_name)
            cls = ref() if ref is not None else None
        return cls


event_type_index = _EventTypeIndex()
_rasa_resolve_by_type = Event.resolve_by_type
_previous_init_subclass = Event.__dict__.get("__init_subclass__")


def _event_init_subclass(cls: Type[Event], **kwargs: Any) -> None:
    event_type_index.invalidate()
    if _previous_init_subclass is not None:
        _previous_init_subclass.__get__(None, cls)(**kwargs)
    else:
        super(Event, cls).__init_subclass__(**kwargs)


def _resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    cls = event_type_index.lookup(type_name)
    if cls is not None:
        return cls
    return _rasa_resolve_by_type(type_name, default)  # "topic", defaults and the ValueError


Event.__init_subclass__ = classmethod(_event_init_subclass)  # type: ignore[assignment]
Event.resolve_by_type = staticmethod(_resolve_by_type)  # type: ignore[assignment]


_tracker_store_logger = logging.getLogger(_tracker_store.__name__)


async def _sql_retrieve(self: SQLTrackerStore, sender_id: Text,
                        fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
    with self.session_scope() as session:
        rows = self._event_query(
            session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions,
        ).with_entities(self.SQLEvent.data).all()
        events = [json.loads(data) for (data,) in rows]
        if self.domain and len(events) > 0:
            _tracker_store_logger.debug(f"Recreating tracker from sender id '{sender_id}'")
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        _tracker_store_logger.debug(
            f"Can't retrieve tracker matching sender id '{sender_id}' from SQL storage. "
            f"Returning `None` instead."
        )
        return None


_rasa_sql_retrieve = SQLTrackerStore._retrieve
SQLTrackerStore._retrieve = _sql_retrieve
