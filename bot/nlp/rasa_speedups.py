"""Two hot spots of Rasa 3.6 found with py-spy under load, fixed without changing behaviour.

Imported by the project's Rasa-side modules (the Dutch spaCy component and the channels), so it
is active in every Rasa server process and in nothing else.

1. Rasa validates every action-server reply with `jsonschema.validate`, which re-checks the
   schema itself on each call (~46 ms per reply under load, about half of Rasa's CPU). Here the
   validator is built once; invalid replies still raise the same `ValidationError`. Since
   2026-12-06 each event is checked against its own type's branch of the schema's `oneOf`
   (`_EventsByType`, 7x cheaper; it was still ~9 % of Rasa's CPU under load); a reply that fails
   is checked again by the full validator for Rasa's error.
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
6. Every turn still cost more than the one before: Rasa parsed every event of the session
   (json 20 % of Rasa's CPU at turns 150-200), replayed them into a tracker, featurised the whole
   history for RulePolicy and MemoizationPolicy (27 %) and sent all of it to the action server
   (12 %). A turn now loads a bounded tracker: the events from the 10th latest user message on,
   preceded by the session's `session_started` and the latest `slot` event of each slot (so
   every slot has the value it had). Rules and memoization look back only a few states, so
   they predict the same; when a loop (form) is active at the cut, or an event type the prefix
   cannot reproduce (restart, rewind, undo, reset_slots, pause, ...) comes before it, the whole
   session is loaded as before. `save` appends what the bounded tracker added. The full
   history stays in the store (`retrieve_full_tracker`, the purge, the cluster's PostgreSQL).

Found under load (20 users):

7. `EndpointConfig.request` opened a new `aiohttp.ClientSession` (a new connection pool, so a
   new TCP connection and a closed one) for every call to the action server. Every endpoint
   config now borrows one kept-alive session per event loop and per (headers, auth); the
   session's settings (timeout, headers, auth) are the ones Rasa would have given it; its request
   bodies are written by ujson (the same JSON values, 2.4x faster than json.dumps).
8. The SQL tracker store built every query with the ORM on each call and saved an ORM object per
   event: SQLAlchemy's statement building and cache keys were ~30 % of Rasa's CPU at 20 users.
   The same queries are now plain SQL built once per store, and a save is one multi-row INSERT
   (~10 % left). See `_EventStatements`.
9. Memory: the C heap that loading a model frees is returned to the operating system (see
   `release_free_heap`): ~30 MB less RSS after load.
10. Memory and start-up: to load DIET for prediction, Rasa's `RasaModel.load` trains it for one
   step on one example (`model.fit`) just to create its weights, then overwrites them from the
   checkpoint. Tracing the training step, its gradients and Adam's slots cost ~330 MB of RSS and
   ~20 s of CPU per start. Loading for prediction now restores the checkpoint into the unbuilt
   model and lets the one prediction Rasa runs anyway create the weights (TensorFlow restores a
   variable from a pending checkpoint when it is created). Every weight the prediction uses must
   come from the checkpoint, or Rasa's own load runs instead (`_load_for_inference`).

Found in `rasa train` (py-spy):

11. DIET's batches are built anew in every epoch, and each sparse feature matrix of each example
   went through three small numpy calls to become (batch, row, column) indices (~8 % of training
   CPU). The indices are now built with one concatenation per batch: the same arrays, in the same
   order (`_sparse_batch_values`), so training gives the same model.

Found under load again (20 users, 2026-12-06):

12. DIET's intent prediction built model data for a batch of one and called a `tf.function`
   (~23 % of Rasa's CPU). For this project's DIET shape the scores are a few numpy products on
   the loaded weights (`bot.nlp.diet_numpy`); any other shape takes Rasa's path.
13. Each parse and prediction ran Rasa's graph through dask's scheduler (sub-graph, ordering,
   task state machine: ~7 %). The server's graph now runs in a node order computed once per set
   of targets (`bot.nlp.sequential_runner`); training keeps dask.
14. Garbage collection: the ~570k objects a model load creates were walked by every full
   collection (~290 ms with all conversations waiting, twice in 25 s at 20 users); they are now
   frozen after the load (`freeze_loaded_objects`).
15. Every new conversation called the action server for `action_session_start` (in the bench,
   ~0.7 calls per message besides the answer's). The project's session start carries only the
   language over, and a new conversation has none, so it gives exactly Rasa's built-in session
   start (`carry_over_slots_to_new_session: false`), which now runs in-process for a conversation
   without events; every later session start still calls the action server.
   `tests/test_rasa_speedups.py` runs the project's action on a new tracker and compares.
16. CountVectorsFeaturizer called sklearn's `transform` twice per featurizer and message, which
   re-validates and re-analyses every token (~7 %). The same counts are now built from the
   vectorizer's own analyzer, kept per token (`bot.nlp.count_vectors`).
"""
from __future__ import annotations

import asyncio
import ctypes
import functools
import gc
import itertools
import json
import logging
import sqlite3
import weakref

import ujson
from typing import Any, Dict, Iterator, List, Optional, Text, Tuple, Type

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from rasa.core.actions.action import ActionSessionStart, RemoteAction
from rasa.shared.core.constants import ACTION_SESSION_START_NAME, SESSION_START_METADATA_SLOT
from rasa.shared.core.events import SlotSet
from rasa.core import agent as _agent_module
from rasa.utils.tensorflow.data_generator import RasaDataGenerator
from rasa.utils.tensorflow.models import RasaModel
from rasa.core import tracker_store as _tracker_store
from rasa.utils.endpoints import EndpointConfig
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
import rasa.shared.utils.common
from sqlalchemy import event
from sqlalchemy import bindparam as sa_bindparam
from sqlalchemy import text as sa_text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import QueuePool

from bot.nlp import count_vectors, diet_numpy, sequential_runner

logger = logging.getLogger(__name__)


@functools.lru_cache(maxsize=None)
def _action_result_validator():
    spec = RemoteAction.action_response_format_spec()
    validator_class = validator_for(spec)
    validator_class.check_schema(spec)
    return validator_class(spec)


class _EventsByType:
    """The reply schema checked with each event against its own type's branch of `oneOf`.

    Every branch of the events' `oneOf` fixes `event` to a different constant, so an event is
    valid for the `oneOf` exactly when it is valid for the branch of its own type (with the
    shared `type`/`properties`/`required`): the others fail on the constant. jsonschema checks
    all 23 branches and builds an error for each of the 22 that fail, for every event of every
    reply (~0.55 ms a reply; this way ~0.08 ms). `ready` is False when the schema is not of this
    shape; then only the full validator is used."""

    def __init__(self, spec: Dict[Text, Any]):
        validator_class = validator_for(spec)
        items = spec.get("properties", {}).get("events", {}).get("items", {})
        branches = items.get("oneOf") or []
        names = [b.get("properties", {}).get("event", {}).get("const") for b in branches]
        self.ready = bool(branches) and None not in names and len(set(names)) == len(names) \
            and "event" in items.get("required", [])
        if not self.ready:
            return
        shared = {key: value for key, value in items.items() if key != "oneOf"}
        self.by_type = {name: validator_class({"allOf": [shared, branch]}) for name, branch in zip(names, branches)}
        outer = json.loads(json.dumps(spec))
        outer["properties"]["events"]["items"] = {}
        self.outer = validator_class(outer)

    def is_valid(self, result: Any) -> bool:
        if not self.outer.is_valid(result):
            return False
        events = result.get("events") if isinstance(result, dict) else None
        for event in events if isinstance(events, list) else ():
            name = event.get("event") if isinstance(event, dict) else None
            validator = self.by_type.get(name) if isinstance(name, str) else None
            if validator is None or not validator.is_valid(event):
                return False
        return True


@functools.lru_cache(maxsize=None)
def _events_by_type() -> _EventsByType:
    return _EventsByType(RemoteAction.action_response_format_spec())


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    fast = _events_by_type()
    if fast.ready and fast.is_valid(result):
        return True
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

# How many of the latest user messages a turn loads with their events. Rules look back at most
# a few states (the longest rule here has 8 steps; tests/test_rasa_speedups.py checks it stays
# below 2 x this), MemoizationPolicy 3; slots and the loop come from the kept prefix (see below).
WINDOW_USER_MESSAGES = 10
# Event types before the window that the kept prefix reproduces exactly. Anything else before it
# (restart, rewind, undo, reset_slots, pause, resume, legacy form events...) loads everything.
_PREFIX_SAFE_TYPES = ("user", "bot", "action", "slot", "active_loop", "session_started",
                      "loop_interrupted", "action_execution_rejected", "user_featurization", "entities")
_WINDOW_ATTRIBUTE = "_npo_window"  # on a bounded tracker: (events stored at load, events loaded)


class _EventStatements:
    """The tracker store's queries as plain SQL, built once per store.

    Rasa builds every query with the ORM on each call; under load SQLAlchemy's statement
    building, cache-key generation and per-row ORM objects were about half of the tracker store's
    CPU. These are the same queries (same filters, same order) as text with bound parameters,
    so the database sees the same thing and SQLAlchemy only binds values. The table name comes
    from the store's own table (with its schema, quoted by the dialect), so PostgreSQL works too.
    """

    def __init__(self, store: SQLTrackerStore) -> None:
        table = store.SQLEvent.__table__
        name = store.engine.dialect.identifier_preparer.format_table(table)
        # Rasa's `_event_query`: the sender's events; for the latest session only, those from
        # the latest `session_started` on (all of them when there is none).
        latest_start = (f"(SELECT MAX(timestamp) FROM {name} "
                        f"WHERE sender_id = :sender AND type_name = 'session_started')")
        session = f"sender_id = :sender AND (timestamp >= {latest_start} OR {latest_start} IS NULL)"
        everything = "sender_id = :sender"
        self.rows = {
            latest: sa_text(f"SELECT data FROM {name} WHERE {where} ORDER BY id")
            for latest, where in ((True, session), (False, everything))
        }
        self.count = sa_text(f"SELECT COUNT(*) FROM {name} WHERE {session}")
        self.cut = sa_text(f"SELECT id FROM {name} WHERE {session} AND type_name = 'user' "
                           f"ORDER BY id DESC LIMIT 1 OFFSET :offset")
        self.groups = sa_text(f"SELECT type_name, action_name, CASE WHEN id < :cut THEN 1 ELSE 0 END AS prior_event, "
                              f"MAX(id), COUNT(id) FROM {name} WHERE {session} GROUP BY 1, 2, 3")
        self.data_of = sa_text(f"SELECT data FROM {name} WHERE id = :id")
        self.window = sa_text(f"SELECT data FROM {name} WHERE {session} AND (id >= :cut OR id IN :keep) "
                              f"ORDER BY id").bindparams(sa_bindparam("keep", expanding=True))
        self.insert = table.insert()

    @staticmethod
    def of(store: SQLTrackerStore) -> "_EventStatements":
        statements = store.__dict__.get(_STATEMENTS_ATTRIBUTE)
        if statements is None:
            statements = _EventStatements(store)
            setattr(store, _STATEMENTS_ATTRIBUTE, statements)
        return statements


_STATEMENTS_ATTRIBUTE = "_npo_statements"


def _window_rows(self: SQLTrackerStore, session: Any, sender_id: Text) -> Tuple[Optional[List[Any]], int]:
    """Rows of a bounded tracker and the number of events the session holds (0 when unknown).

    The rows are the events from the WINDOW_USER_MESSAGES-th latest user message on, preceded by
    the session's latest `session_started` and the latest `slot` event of each slot. They are
    None when the session is shorter, or when something before the window is not reproduced
    exactly by that prefix (a loop still active, or any event type outside _PREFIX_SAFE_TYPES).
    The database does the counting (one row per event type and name comes back), so Python's
    work does not grow with the conversation; only the chosen rows' JSON is read."""
    sql = _EventStatements.of(self)
    cut = session.execute(sql.cut, {"sender": sender_id, "offset": WINDOW_USER_MESSAGES - 1}).scalar()
    if cut is None:
        return None, 0
    groups = session.execute(sql.groups, {"sender": sender_id, "cut": cut}).all()
    stored = sum(count for *_, count in groups)
    keep: List[Any] = []  # latest row id before the cut of each slot, and of the session start
    loop_id = None
    for type_name, _name, is_prior, latest, _count in groups:
        if not is_prior:
            continue
        if type_name not in _PREFIX_SAFE_TYPES:
            return None, stored
        if type_name in ("slot", "session_started"):
            keep.append(latest)
        elif type_name == "active_loop":
            loop_id = max(loop_id or latest, latest)
    if loop_id is not None:
        loop = session.execute(sql.data_of, {"id": loop_id}).scalar()
        if json.loads(loop).get("name"):
            return None, stored
    rows = session.execute(sql.window, {"sender": sender_id, "cut": cut, "keep": keep or [-1]}).all()
    return rows, stored


async def _sql_retrieve(self: SQLTrackerStore, sender_id: Text,
                        fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
    with self.session_scope() as session:
        rows, window = None, None
        if not fetch_events_from_all_sessions:
            rows, stored = _window_rows(self, session, sender_id)
            window = None if rows is None else (stored, len(rows))
        if rows is None:
            statement = _EventStatements.of(self).rows[not fetch_events_from_all_sessions]
            rows = session.execute(statement, {"sender": sender_id}).all()
        events = [json.loads(data) for (data,) in rows]
        if self.domain and len(events) > 0:
            _tracker_store_logger.debug(f"Recreating tracker from sender id '{sender_id}'")
            tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
            if window is not None:
                setattr(tracker, _WINDOW_ATTRIBUTE, window)
            return tracker
        _tracker_store_logger.debug(
            f"Can't retrieve tracker matching sender id '{sender_id}' from SQL storage. "
            f"Returning `None` instead."
        )
        return None


def _additional_events(self: SQLTrackerStore, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
    """Events of the tracker that are not stored yet, for bounded trackers too.

    Rasa skips as many of the tracker's events as the store holds for the session; a bounded
    tracker holds fewer, so skip the ones it was loaded with plus any stored since."""
    stored = session.execute(_EventStatements.of(self).count, {"sender": tracker.sender_id}).scalar()
    window = getattr(tracker, _WINDOW_ATTRIBUTE, None)
    skip = stored if window is None else window[1] + (stored - window[0])
    return itertools.islice(tracker.events, skip, len(tracker.events))


async def _sql_save(self: SQLTrackerStore, tracker: DialogueStateTracker) -> None:
    """Rasa's `SQLTrackerStore.save` with one multi-row INSERT instead of an ORM object per event
    (same columns and values; the id comes from the table's own default or sequence)."""
    await self.stream_events(tracker)
    with self.session_scope() as session:
        rows = []
        for new_event in self._additional_events(session, tracker):
            data = new_event.as_dict()
            rows.append({
                "sender_id": tracker.sender_id,
                "type_name": new_event.type_name,
                "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                "action_name": data.get("name"),
                "data": json.dumps(data),
            })
        if rows:
            session.execute(_EventStatements.of(self).insert, rows)
        session.commit()
    _tracker_store_logger.debug(f"Tracker with sender_id '{tracker.sender_id}' stored to database")


_rasa_sql_retrieve = SQLTrackerStore._retrieve
_rasa_additional_events = SQLTrackerStore._additional_events
_rasa_sql_save = SQLTrackerStore.save
SQLTrackerStore._retrieve = _sql_retrieve
SQLTrackerStore._additional_events = _additional_events
SQLTrackerStore.save = _sql_save


class _BorrowedSession:
    """`async with` gives a shared session and leaves it open (Rasa's callers close theirs)."""

    def __init__(self, session: Any) -> None:
        self._session = session

    async def __aenter__(self) -> Any:
        return self._session

    async def __aexit__(self, *exc: Any) -> None:
        return None


# The request body (the whole bounded tracker and the domain) as json.dumps writes it, minus the
# spaces: ujson is 2.4x faster (~5 % of Rasa's CPU under load was json.dumps for these bodies).
_dumps = functools.partial(ujson.dumps, escape_forward_slashes=False)

_shared_sessions: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Dict[Any, Any]]" = \
    weakref.WeakKeyDictionary()
_rasa_endpoint_session = EndpointConfig.session


def _endpoint_session(self: EndpointConfig) -> Any:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not in a coroutine: hand out a session of its own, as Rasa does
        return _rasa_endpoint_session(self)
    key = (tuple(sorted((str(k), str(v)) for k, v in self.headers.items())),
           tuple(sorted(self.basic_auth.items())))
    sessions = _shared_sessions.setdefault(loop, {})
    session = sessions.get(key)
    if session is None or session.closed:
        session = sessions[key] = _rasa_endpoint_session(self)
        session._json_serialize = _dumps  # aiohttp's `json_serialize`; see point 7
    return _BorrowedSession(session)


EndpointConfig.session = _endpoint_session  # type: ignore[assignment]



# 9. Memory: loading a model allocates and frees a lot of short-lived C heap (unpacking, graph
#    building, the lemma table's conversion); glibc keeps the freed pages, so the process held
#    ~30 MB after load (under 20 users) that it no longer used. After each model load the free
#    heap goes back to the operating system (glibc `malloc_trim`; nothing in use is touched).
#    Trimming again after every message gave nothing more (1,133 vs 1,135 MB after the load).


def _malloc_trim() -> Any:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to do
        return None


_trim = _malloc_trim()


def release_free_heap() -> bool:
    """Return the C heap's free pages to the OS; False where libc has no `malloc_trim`."""
    if _trim is None:
        return False
    _trim(0)
    return True


def freeze_loaded_objects() -> None:
    """Leave the objects a model load created out of every later garbage collection.

    A loaded Rasa model is ~570k tracked objects (TensorFlow, spaCy, Rasa); each full collection
    walked all of them: ~290 ms with every conversation in flight waiting, twice in 25 s at 20
    users. Frozen (`gc.freeze`), they are never scanned; what is allocated afterwards is collected
    as before. Objects that become cyclic garbage among the frozen ones are not freed; a model
    load is the only time this runs, so that is at most the previous model.
    """
    gc.collect()
    gc.freeze()


_rasa_load_agent = _agent_module.load_agent


async def _load_agent(*args: Any, **kwargs: Any) -> Any:
    loaded = await _rasa_load_agent(*args, **kwargs)
    release_free_heap()
    freeze_loaded_objects()
    return loaded


_agent_module.load_agent = _load_agent


# 10. DIET (and any RasaModel) loaded for prediction without its one-step training.
#    See the module docstring; `tests/test_perf_model_load.py` compares every prediction.

_rasa_model_load = RasaModel.load.__func__


def _load_for_inference(cls: Type[RasaModel], model_file_name: Text, model_data_example: Any,
                        predict_data_example: Any = None, finetune_mode: bool = False,
                        *args: Any, **kwargs: Any) -> RasaModel:
    if finetune_mode or not predict_data_example:
        return _rasa_model_load(cls, model_file_name, model_data_example, predict_data_example,
                                finetune_mode, *args, **kwargs)
    import tensorflow as tf
    from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY

    config = kwargs.get("config", {})
    model = cls(*args, **kwargs)
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)),
                  run_eagerly=config.get(RUN_EAGERLY))
    status = model.load_weights(model_file_name)
    # Creates every weight prediction needs; each is restored from the checkpoint as it is made.
    model.run_inference(predict_data_example)
    try:
        status.assert_existing_objects_matched()
    except AssertionError as error:  # a weight that is not in the checkpoint: do what Rasa does
        logger.warning("Loading %s for prediction left weights unrestored (%s); using Rasa's load.",
                       cls.__name__, error)
        return _rasa_model_load(cls, model_file_name, model_data_example, predict_data_example,
                                finetune_mode, *args, **kwargs)
    status.expect_partial()  # the optimizer's state and training-only weights are not needed
    logger.debug("Loaded %s from %s for prediction.", cls.__name__, model_file_name)
    return model


RasaModel.load = classmethod(_load_for_inference)


# 11. Sparse batches of DIET's training data, built with one concatenation per batch.

_rasa_scipy_matrix_to_values = RasaDataGenerator._scipy_matrix_to_values


def _sparse_batch_values(array_of_sparse: Any) -> List[Any]:
    """What `RasaDataGenerator._scipy_matrix_to_values` returns, for 3-d feature arrays."""
    if array_of_sparse.number_of_dimensions == 4 or not len(array_of_sparse):
        return _rasa_scipy_matrix_to_values(array_of_sparse)
    import numpy as np
    import scipy.sparse

    matrices = [x if isinstance(x, scipy.sparse.coo_matrix) else x.tocoo() for x in array_of_sparse]
    sizes = [len(x.row) for x in matrices]
    indices = np.empty((sum(sizes), 3), dtype=np.int64)
    indices[:, 0] = np.repeat(np.arange(len(matrices), dtype=np.int64), sizes)
    indices[:, 1] = np.concatenate([x.row for x in matrices])
    indices[:, 2] = np.concatenate([x.col for x in matrices])
    data = np.concatenate([x.data for x in matrices]).astype(np.float32)
    shape = np.array((len(matrices), max(x.shape[0] for x in matrices), matrices[0].shape[-1]), dtype=np.int64)
    return [indices, data, shape]


RasaDataGenerator._scipy_matrix_to_values = staticmethod(_sparse_batch_values)


# 12. DIET's intent scores in numpy for this project's DIET shape (bot/nlp/diet_numpy.py).
diet_numpy.install()

# 13. The prediction graph run in a cached node order instead of dask's scheduler.
sequential_runner.install()

# 16. CountVectorsFeaturizer's counts without sklearn's per-call overhead (bot/nlp/count_vectors.py).
count_vectors.install()


# 15. A new conversation's session start without a call to the action server.
def is_new_conversation(tracker: DialogueStateTracker) -> bool:
    """No event yet, except the session-start metadata Rasa sets just before the session starts."""
    return all(isinstance(e, SlotSet) and e.key == SESSION_START_METADATA_SLOT for e in tracker.events)


_rasa_remote_action_run = RemoteAction.run


async def _remote_action_run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: DialogueStateTracker,
                             domain: Any) -> List[Event]:
    if self.name() == ACTION_SESSION_START_NAME and not domain.session_config.carry_over_slots \
            and is_new_conversation(tracker):
        return await ActionSessionStart().run(output_channel, nlg, tracker, domain)
    return await _rasa_remote_action_run(self, output_channel, nlg, tracker, domain)


RemoteAction.run = _remote_action_run  # type: ignore[assignment]
