"""The Rasa speed-ups keep Rasa's behaviour: same validation outcome, durable SQLite file."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from sqlalchemy import create_engine, text

import bot.nlp.rasa_speedups  # noqa: F401


def action() -> RemoteAction:
    return RemoteAction("action_answer", None)


def test_valid_action_result_passes():
    result = {"events": [{"event": "slot", "name": "sector", "value": "mbo"}],
              "responses": [{"text": "Hoi", "buttons": []}]}
    assert action()._validate_action_result(result) is True


@pytest.mark.parametrize("result", [
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": "nope"},
])
def test_invalid_action_result_raises_the_same_error_as_rasa(result):
    with pytest.raises(ValidationError) as raised:
        action()._validate_action_result(result)
    assert "Failed to validate Action server response" in raised.value.message


SAMPLE_EVENTS = [
    {"event": "user", "text": "hoi", "parse_data": {"intent": {"name": "greet", "confidence": 1.0},
                                                   "entities": [{"entity": "sector", "value": "mbo"}]}},
    {"event": "action", "name": "action_listen", "policy": "RulePolicy", "confidence": 1.0},
    {"event": "slot", "name": "sector", "value": "mbo", "timestamp": None},
    {"event": "entities", "entities": [{"entity": "sector", "value": "wo"}]},
    {"event": "bot", "text": "Hallo", "data": {"buttons": []}, "metadata": {}},
    {"event": "active_loop", "name": "student_form"},
    {"event": "loop_interrupted", "is_interrupted": True},
    {"event": "form_validation", "validate": False},
    {"event": "followup", "name": "action_answer"},
    {"event": "reminder", "intent": "remind", "date_time": "2026-12-06T10:00:00", "entities": None},
    {"event": "cancel_reminder", "name": "r1", "intent": "remind", "entities": []},
    {"event": "reset_slots"}, {"event": "restart"}, {"event": "undo"}, {"event": "rewind"},
    {"event": "session_started"}, {"event": "pause"}, {"event": "resume"}, {"event": "export"},
    {"event": "action_execution_rejected", "name": "action_answer"},
    {"event": "agent", "text": "x"}, {"event": "user_featurization", "use_text_for_featurization": False},
]
WRONG_VALUES = [None, 5, 1.5, "x", True, [], [1], {}, {"a": 1}]


def replies_to_check():
    """Valid replies with every event type, and each with one field or event set to a wrong value."""
    yield {"events": SAMPLE_EVENTS, "responses": [{"text": "Hoi"}]}
    for event in SAMPLE_EVENTS:
        yield {"events": [event]}
        for key in event:
            for value in WRONG_VALUES:
                yield {"events": [{**event, key: value}]}
        yield {"events": [{k: v for k, v in event.items() if k != "event"}]}
    for value in WRONG_VALUES + [{"event": "no_such_event"}, {"event": 3}]:
        yield {"events": [value]}
        yield {"events": value}
        yield {"responses": value}
        yield {"responses": [value]}


def test_events_checked_by_type_agree_with_the_full_schema():
    from bot.nlp.rasa_speedups import _action_result_validator, _events_by_type

    fast, full = _events_by_type(), _action_result_validator()
    assert fast.ready
    checked = list(replies_to_check())
    outcomes = [(fast.is_valid(reply), full.is_valid(reply)) for reply in checked]
    assert [reply for reply, (a, b) in zip(checked, outcomes) if a != b] == []
    assert sum(ok for ok, _ in outcomes) > 30 and sum(not ok for ok, _ in outcomes) > 200  # both kinds


def test_sqlite_connections_use_wal(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'trackers.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


# --------------------------------------------------------------------------------------------
# SQL tracker store: pooled SQLite connections, column-only retrieve
# --------------------------------------------------------------------------------------------

import asyncio  # noqa: E402
import gc  # noqa: E402

from rasa.core.tracker_store import SQLTrackerStore  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import (  # noqa: E402
    ActionExecuted, BotUttered, Event, SessionStarted, SlotSet, UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity  # noqa: E402
from rasa.shared.utils.common import all_subclasses  # noqa: E402
from sqlalchemy import event as sa_event  # noqa: E402
from sqlalchemy.pool import QueuePool  # noqa: E402

from bot.nlp.rasa_speedups import _rasa_resolve_by_type, _rasa_sql_retrieve, is_sqlite_file_url  # noqa: E402

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [greet, ask_sector]
entities: [sector]
slots:
  sector:
    type: categorical
    values: [po, vo, mbo]
    mappings: [{type: from_entity, entity: sector}]
responses:
  utter_greet: [{text: "Hoi"}]
""")


def user(text: str, intent: str, **kwargs) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9},
                       parse_data={"intent": {"name": intent, "confidence": 0.9}, "text": text}, **kwargs)


def conversation(first_timestamp: float = 1000.0) -> list:
    """Two sessions: the store must return only the second by default, both when asked."""
    t = first_timestamp
    return [
        ActionExecuted("action_session_start", timestamp=t), SessionStarted(timestamp=t + 1),
        ActionExecuted("action_listen", timestamp=t + 2), user("hoi", "greet", timestamp=t + 3),
        ActionExecuted("utter_greet", timestamp=t + 4), BotUttered("Hoi", timestamp=t + 5),
        ActionExecuted("action_listen", timestamp=t + 6),
        ActionExecuted("action_session_start", timestamp=t + 10), SessionStarted(timestamp=t + 11),
        SlotSet("sector", "mbo", timestamp=t + 12), ActionExecuted("action_listen", timestamp=t + 13),
        user("en het mbo?", "ask_sector", timestamp=t + 14),
        SlotSet("sector", "vo", timestamp=t + 15), ActionExecuted("action_listen", timestamp=t + 16),
    ]


def store_at(path) -> SQLTrackerStore:
    return SQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(path))


def snapshot(tracker):
    return None if tracker is None else (
        [e.as_dict() for e in tracker.events], tracker.current_state(EventVerbosity.ALL))


@pytest.mark.parametrize("url,expected", [
    ("sqlite:////tmp/x/trackers.db", True),
    ("sqlite:///trackers.db", True),
    ("sqlite://", False),
    ("sqlite:///:memory:", False),
    ("sqlite:///file:mem?mode=memory&uri=true", False),
    ("postgresql://rasa@db:5432/rasa", False),
])
def test_only_sqlite_files_get_a_connection_pool(url, expected):
    assert is_sqlite_file_url(url) is expected


async def _test_sqlite_tracker_store_reuses_one_connection(tmp_path):
    store = store_at(tmp_path / "trackers.db")
    assert isinstance(store.engine.pool, QueuePool)
    connects = []
    sa_event.listen(store.engine, "connect", lambda *args: connects.append(1))
    tracker = DialogueStateTracker.from_events("anna", conversation(), DOMAIN.slots)
    for _ in range(5):
        await store.save(tracker)
        assert snapshot(await store.retrieve("anna")) is not None
    assert len(connects) <= 1  # NullPool opened a connection for every save and retrieve


def test_sqlite_tracker_store_reuses_one_connection(tmp_path):
    asyncio.run(_test_sqlite_tracker_store_reuses_one_connection(tmp_path))


async def _test_pooled_stores_see_each_others_writes(tmp_path):
    """Two Rasa processes on one SQLite file: a pooled connection never serves a stale snapshot."""
    path = tmp_path / "trackers.db"
    first, second = store_at(path), store_at(path)
    events = conversation()
    await first.save(DialogueStateTracker.from_events("bo", events[:9], DOMAIN.slots))
    assert len((await second.retrieve("bo")).events) == 1  # the second session has started
    tracker = await second.retrieve("bo")
    for extra in events[9:]:
        tracker.update(extra)
    await second.save(tracker)
    assert [e.as_dict() for e in (await first.retrieve_full_tracker("bo")).events] == [e.as_dict() for e in events]
    assert snapshot(await first.retrieve("bo")) == snapshot(
        DialogueStateTracker.from_events("bo", events[8:], DOMAIN.slots))
    # save() counts the stored events of the session, so nothing is written twice.
    await first.save(await first.retrieve("bo"))
    assert len((await second.retrieve_full_tracker("bo")).events) == len(events)


def test_pooled_stores_see_each_others_writes(tmp_path):
    asyncio.run(_test_pooled_stores_see_each_others_writes(tmp_path))


async def _test_column_only_retrieve_equals_rasas_retrieve(tmp_path, full):
    store = store_at(tmp_path / "trackers.db")
    await store.save(DialogueStateTracker.from_events("cas", conversation(), DOMAIN.slots))
    await store.save(DialogueStateTracker.from_events("dirk", conversation(5000.0)[:5], DOMAIN.slots))
    for sender in ("cas", "dirk", "nobody"):
        ours = await store._retrieve(sender, fetch_events_from_all_sessions=full)
        rasas = await _rasa_sql_retrieve(store, sender, fetch_events_from_all_sessions=full)
        assert snapshot(ours) == snapshot(rasas)
    expected = conversation() if full else conversation()[8:]  # from the last SessionStarted
    assert [e.as_dict() for e in (await store._retrieve("cas", full)).events] == [e.as_dict() for e in expected]


@pytest.mark.parametrize("full", [False, True])
def test_column_only_retrieve_equals_rasas_retrieve(tmp_path, full):
    asyncio.run(_test_column_only_retrieve_equals_rasas_retrieve(tmp_path, full))


# --------------------------------------------------------------------------------------------
# Event.resolve_by_type: cached, same answers as walking the class tree
# --------------------------------------------------------------------------------------------

def all_type_names():
    return sorted({cls.type_name for cls in all_subclasses(Event)})


def test_resolve_by_type_matches_rasa_for_every_event_type():
    for name in all_type_names():
        assert Event.resolve_by_type(name) is _rasa_resolve_by_type(name)
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", default=SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        Event.resolve_by_type("no_such_event")


def test_resolve_by_type_sees_subclasses_defined_later_and_forgets_collected_ones():
    assert Event.resolve_by_type("npo_probe", default=BotUttered) is BotUttered  # builds the index

    class Probe(ActionExecuted):
        type_name = "npo_probe"

    class ShadowsUser(ActionExecuted):
        type_name = "user"  # a duplicate name: the first class in Rasa's order wins, as in Rasa

    try:
        assert Event.resolve_by_type("npo_probe") is Probe
        assert Event.resolve_by_type("user") is _rasa_resolve_by_type("user") is UserUttered
    finally:
        del Probe, ShadowsUser
        gc.collect()
    with pytest.raises(ValueError):
        Event.resolve_by_type("npo_probe")


def test_deserialised_tracker_is_unchanged():
    dumped = [e.as_dict() for e in conversation()]
    tracker = DialogueStateTracker.from_dict("eva", dumped, DOMAIN.slots)
    assert [e.as_dict() for e in tracker.events] == dumped
    assert tracker.get_slot("sector") == "vo"


# --------------------------------------------------------------------------------------------
# Bounded trackers: a turn loads the latest user messages, the slots and the session start
# --------------------------------------------------------------------------------------------

from pathlib import Path  # noqa: E402

import yaml  # noqa: E402
from rasa.shared.core.events import ActiveLoop, Restarted  # noqa: E402

from bot.nlp.rasa_speedups import WINDOW_USER_MESSAGES  # noqa: E402

RULES_FILE = Path(__file__).resolve().parents[1] / "data" / "rules.yml"


def long_conversation(turns: int, loop_at: int = -1, loop_until: int = -1, restart_at: int = -1) -> list:
    """A session of `turns` questions; the sector slot changes now and then, a loop runs between
    loop_at and loop_until (turn numbers), a restart comes at restart_at."""
    t = 5000.0
    events = [ActionExecuted("action_session_start", timestamp=t), SessionStarted(timestamp=t + 1),
              SlotSet("sector", "po", timestamp=t + 2), ActionExecuted("action_listen", timestamp=t + 3)]
    for turn in range(turns):
        t += 10
        if turn == restart_at:
            events += [Restarted(timestamp=t), ActionExecuted("action_listen", timestamp=t + 0.5)]
        events.append(user(f"vraag {turn}", "ask_sector" if turn % 3 else "greet", timestamp=t + 1))
        if turn % 4 == 0:
            events.append(SlotSet("sector", ["po", "vo", "mbo"][turn % 3], timestamp=t + 2))
        if turn == loop_at:
            events += [ActionExecuted("student_form", timestamp=t + 3), ActiveLoop("student_form", timestamp=t + 3.5)]
        if turn == loop_until:
            events += [ActionExecuted("student_form", timestamp=t + 4), ActiveLoop(None, timestamp=t + 4.5)]
        events += [ActionExecuted("utter_greet", timestamp=t + 5), BotUttered(f"antwoord {turn}", timestamp=t + 6),
                   ActionExecuted("action_listen", timestamp=t + 7)]
    return events


async def _stored(tmp_path, events) -> SQLTrackerStore:
    store = store_at(tmp_path / "trackers.db")
    await store.save(DialogueStateTracker.from_events("lang", events, DOMAIN.slots))
    return store


def rasa_store_of(store: SQLTrackerStore):
    """Rasa's own retrieve on the same store: the whole session."""
    return _rasa_sql_retrieve(store, "lang", False)


def longest_rule_states() -> int:
    """States the longest rule of data/rules.yml spans: one per action step, plus its start."""
    rules = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))["rules"]
    return max(1 + sum(1 for step in rule["steps"] if "action" in step) for rule in rules)


def test_window_covers_the_longest_rule():
    # Every user message of the window is followed by at least one action: 2 states per message.
    assert longest_rule_states() < 2 * WINDOW_USER_MESSAGES


async def _test_bounded_tracker_predicts_like_the_whole_one(tmp_path, ignore_rule_only_turns):
    events = long_conversation(40, loop_at=5, loop_until=7)
    store = await _stored(tmp_path, events)
    bounded, whole = await store._retrieve("lang", False), await rasa_store_of(store)
    assert len(bounded.events) < len(whole.events) / 2  # it is bounded
    assert bounded.current_slot_values() == whole.current_slot_values()
    assert bounded.active_loop == whole.active_loop
    assert bounded.latest_message.as_dict() == whole.latest_message.as_dict()
    assert bounded.latest_action == whole.latest_action
    short = bounded.past_states(DOMAIN, ignore_rule_only_turns=ignore_rule_only_turns)
    full = whole.past_states(DOMAIN, ignore_rule_only_turns=ignore_rule_only_turns)
    # The first state is the window's start; every later one is the whole tracker's.
    assert short[1:] == full[-(len(short) - 1):]
    assert len(short) - 1 >= 2 * WINDOW_USER_MESSAGES > longest_rule_states()


@pytest.mark.parametrize("ignore_rule_only_turns", [False, True])
def test_bounded_tracker_predicts_like_the_whole_one(tmp_path, ignore_rule_only_turns):
    asyncio.run(_test_bounded_tracker_predicts_like_the_whole_one(tmp_path, ignore_rule_only_turns))


async def _test_saving_a_bounded_tracker_appends_its_new_events(tmp_path):
    events = long_conversation(30)
    store = await _stored(tmp_path, events)
    tracker = await store.retrieve("lang")
    new = [user("nog een", "greet", timestamp=9e5), SlotSet("sector", "mbo", timestamp=9e5 + 1),
           ActionExecuted("utter_greet", timestamp=9e5 + 2), ActionExecuted("action_listen", timestamp=9e5 + 3)]
    for event in new:
        tracker.update(event)
    await store.save(tracker)
    stored = await rasa_store_of(store)
    session = events[1:]  # from SessionStarted on
    assert [e.as_dict() for e in stored.events] == [e.as_dict() for e in session + new]
    again = await store.retrieve("lang")  # the next turn: bounded again, with the new events
    assert [e.as_dict() for e in list(again.events)[-len(new):]] == [e.as_dict() for e in new]
    assert again.get_slot("sector") == "mbo"


def test_saving_a_bounded_tracker_appends_its_new_events(tmp_path):
    asyncio.run(_test_saving_a_bounded_tracker_appends_its_new_events(tmp_path))


@pytest.mark.parametrize("events", [
    long_conversation(WINDOW_USER_MESSAGES - 1),  # shorter than the window
    long_conversation(40, loop_at=3),  # a loop active at the window's start
    long_conversation(40, restart_at=20),  # a restart before the window
], ids=["short", "active-loop", "restart"])
def test_whole_session_when_the_window_cannot_reproduce_it(tmp_path, events):
    async def check() -> None:
        store = await _stored(tmp_path, events)
        assert snapshot(await store._retrieve("lang", False)) == snapshot(await rasa_store_of(store))

    asyncio.run(check())


async def _rows_saved_by(save, path, trackers) -> list:
    store = store_at(path)
    for tracker in trackers:
        await save(store, tracker)
    with store.session_scope() as session:
        return [(e.sender_id, e.type_name, e.timestamp, e.intent_name, e.action_name, e.data)
                for e in session.query(store.SQLEvent).order_by(store.SQLEvent.id)]


def test_save_stores_the_same_rows_as_rasa(tmp_path):
    """One multi-row INSERT per save: the same rows as Rasa's ORM save, turn after turn."""
    from bot.nlp.rasa_speedups import _rasa_sql_save, _sql_save

    events = long_conversation(12, loop_at=3, loop_until=5)

    def turns():  # the same tracker growing: every save appends only what is new
        tracker = DialogueStateTracker("lang", DOMAIN.slots)
        for index, event in enumerate(conversation() + events):
            tracker.update(event)
            if index % 7 == 0:
                yield tracker
        yield tracker

    async def check() -> None:
        ours = await _rows_saved_by(_sql_save, tmp_path / "ours.db", list(turns()))
        theirs = await _rows_saved_by(_rasa_sql_save, tmp_path / "rasa.db", list(turns()))
        # (Rasa counts only the latest session's stored events, so a tracker holding two sessions
        # stores the first one's events again; the same here.)
        assert ours == theirs and len(ours) >= len(conversation() + events)
        assert any(intent for *_, intent, _action, _data in ours)

    asyncio.run(check())


def test_window_queries_match_for_every_window_start(tmp_path):
    """The bounded tracker's text queries against Rasa's whole tracker, at every length."""
    async def check() -> None:
        events = long_conversation(WINDOW_USER_MESSAGES + 3, loop_at=2, loop_until=4)
        for turns in range(WINDOW_USER_MESSAGES - 1, WINDOW_USER_MESSAGES + 3):
            end = max(i for i, e in enumerate(events) if isinstance(e, UserUttered) and e.text == f"vraag {turns}")
            store = store_at(tmp_path / f"t{turns}.db")
            await store.save(DialogueStateTracker.from_events("lang", events[:end], DOMAIN.slots))
            bounded, whole = await store.retrieve("lang"), await rasa_store_of(store)
            assert bounded.current_slot_values() == whole.current_slot_values()
            assert [e.as_dict() for e in bounded.events][-5:] == [e.as_dict() for e in whole.events][-5:]

    asyncio.run(check())


def test_free_heap_is_released_after_a_model_is_loaded(monkeypatch):
    from rasa.core import agent as agent_module

    from bot.nlp import rasa_speedups

    calls = []
    monkeypatch.setattr(rasa_speedups, "_trim", lambda pad: calls.append(pad))

    async def fake_load(*args, **kwargs):
        return ("agent", args, kwargs)

    monkeypatch.setattr(rasa_speedups, "_rasa_load_agent", fake_load)
    assert agent_module.load_agent is rasa_speedups._load_agent  # what `rasa run` calls
    assert asyncio.run(agent_module.load_agent(model_path="m")) == ("agent", (), {"model_path": "m"})
    assert calls == [0]


# 11. DIET's sparse batches
import numpy as np  # noqa: E402
import scipy.sparse  # noqa: E402
from rasa.utils.tensorflow.data_generator import RasaDataGenerator  # noqa: E402
from rasa.utils.tensorflow.feature_array import FeatureArray  # noqa: E402

from bot.nlp.rasa_speedups import _rasa_scipy_matrix_to_values  # noqa: E402


@pytest.mark.parametrize("kind", ["coo", "csr", "empty rows"])
def test_sparse_batch_values_equal_rasas(kind):
    rng = np.random.default_rng(7)
    matrices = []
    for n in range(40):
        rows = int(rng.integers(1, 12))
        density = 0.0 if kind == "empty rows" and n % 3 == 0 else 0.2
        m = scipy.sparse.random(rows, 300, density=density, format="coo", random_state=n, dtype=np.float64)
        matrices.append(m.tocsr() if kind == "csr" else m)
    array = FeatureArray(np.array(matrices + [None], dtype=object)[:-1], number_of_dimensions=3)
    ours = RasaDataGenerator._scipy_matrix_to_values(array)
    rasas = _rasa_scipy_matrix_to_values(array)
    assert len(ours) == len(rasas) == 3
    for a, b in zip(ours, rasas):
        assert a.dtype == b.dtype and a.shape == b.shape
        assert np.array_equal(a, b)


# --------------------------------------------------------------------------------------------
# Action-server calls: ujson bodies on the shared session, a new conversation's session start
# --------------------------------------------------------------------------------------------

import json  # noqa: E402

from rasa.core.actions.action import ActionSessionStart  # noqa: E402
from rasa.shared.core.constants import SESSION_START_METADATA_SLOT  # noqa: E402
from rasa.utils.endpoints import EndpointConfig  # noqa: E402

from bot.nlp.rasa_speedups import _dumps, is_new_conversation  # noqa: E402


def test_action_server_bodies_are_the_same_json_values():
    tracker = DialogueStateTracker.from_events("s", long_conversation(12), slots=DOMAIN.slots)
    body = {"next_action": "action_answer", "sender_id": "s/é",
            "tracker": tracker.current_state(EventVerbosity.ALL), "domain": DOMAIN.as_dict()}
    assert json.loads(_dumps(body)) == json.loads(json.dumps(body))

    async def session_serializer():
        async with EndpointConfig("http://127.0.0.1:1/webhook").session() as session:
            return session.json_serialize

    assert asyncio.run(session_serializer()) is _dumps


def without_timestamps(events) -> list:
    return [{k: v for k, v in e.as_dict().items() if k != "timestamp"} for e in events]


def test_projects_session_start_on_a_new_conversation_is_rasas_built_in_one():
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.actions import ActionSessionStart as ProjectSessionStart

    domain = Domain.load(str(Path(__file__).resolve().parents[1] / "domain.yml"))
    assert not domain.session_config.carry_over_slots  # what makes the built-in one equal
    for events in ([], [SlotSet(SESSION_START_METADATA_SLOT, {"page": "/npo"})]):
        tracker = DialogueStateTracker.from_events("new", events, slots=domain.slots)
        assert is_new_conversation(tracker)
        state = tracker.current_state(EventVerbosity.ALL)
        sdk_tracker = Tracker("new", state["slots"], {}, state["events"], False, None, {}, "action_listen")
        ours = asyncio.run(ProjectSessionStart().run(CollectingDispatcher(), sdk_tracker, domain.as_dict()))
        built_in = asyncio.run(ActionSessionStart().run(None, None, tracker, domain))
        assert without_timestamps(Event.from_parameters(e) for e in ours) == without_timestamps(built_in)
    # Once anything happened, the project's action runs on the action server.
    assert not is_new_conversation(DialogueStateTracker.from_events("old", long_conversation(1), slots=domain.slots))
    assert not is_new_conversation(DialogueStateTracker.from_events("old", [SlotSet("language", "en")],
                                                                     slots=domain.slots))
