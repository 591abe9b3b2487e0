"""Every reply records its kind and id for the report (actions.record); not-known replies get the
operator's referral (actions.referral, referral.yml). Real rasa_sdk Trackers over the real KB."""
from __future__ import annotations

import pytest

from actions import actions as act
from actions import record, referral, texts
from tests.test_actions import domain, kb_path, run, tracker  # noqa: F401  (fixtures)


def reply(intent: str, text: str, domain_dict) -> dict:
    messages, _ = run(act.ActionAnswer(), tracker(intent, text), domain_dict)
    assert len(messages) == 1
    return messages[0]


def test_a_factual_answer_is_recorded_as_answered_with_its_sources(domain):
    message = reply("ask_tuition", "is het collegegeld gehalveerd", domain)
    info = record.read(message)
    assert info["kind"] == record.ANSWERED
    assert len(info["id"]) == 16
    assert info["sources"] and all("title" in source for source in info["sources"])
    assert "document" not in info["sources"][0]


def test_each_reply_gets_its_own_id(domain):
    first = record.read(reply("ask_tuition", "is het collegegeld gehalveerd", domain))
    second = record.read(reply("ask_tuition", "is het collegegeld gehalveerd", domain))
    assert first["id"] != second["id"]


@pytest.mark.parametrize("intent,text,kind", [
    ("ask_budget", "Hoeveel geld krijgt een gemeente uit het NPO?", record.NOT_IN_DOCUMENTS),
    ("nlu_fallback", "asdkjh qwe zxcv", record.FALLBACK),
    ("out_of_scope", "wat voor weer wordt het morgen", record.OUT_OF_SCOPE),
    ("greet", "hoi", record.DIALOGUE),
    ("ask_actions", "welke acties zijn er", record.DIALOGUE),  # a question back, no fact
])
def test_reply_kinds(intent, text, kind, domain):
    info = record.read(reply(intent, text, domain))
    assert info["kind"] == kind
    assert "sources" not in info or kind == record.NOT_IN_DOCUMENTS


@pytest.fixture
def referral_file(tmp_path, monkeypatch):
    path = tmp_path / "referral.yml"
    monkeypatch.setenv("NPO_REFERRAL_FILE", str(path))
    return path


def test_no_referral_by_default(domain):
    assert referral.line(referral.DEFAULT_FILE) is None  # the shipped file is empty
    message = reply("nlu_fallback", "asdkjh qwe zxcv", domain)
    assert "Kijk ook op" not in message["text"]


def test_referral_goes_under_not_known_replies_only(referral_file, domain):
    referral_file.write_text('text: "de website van DUO"\nurl: "https://duo.nl"\n', encoding="utf-8")
    line = texts.REFERRAL.format(text="de website van DUO", url="https://duo.nl")
    assert reply("nlu_fallback", "asdkjh qwe zxcv", domain)["text"].endswith("\n" + line)
    assert reply("ask_budget", "Hoeveel geld krijgt een gemeente uit het NPO?", domain)["text"].endswith(line)
    assert line not in reply("ask_tuition", "is het collegegeld gehalveerd", domain)["text"]
    assert line not in reply("out_of_scope", "wat voor weer wordt het morgen", domain)["text"]


def test_referral_file_is_read_again_when_it_changes(referral_file):
    referral_file.write_text('url: "https://duo.nl"\n', encoding="utf-8")
    assert referral.line() == texts.REFERRAL_URL_ONLY.format(url="https://duo.nl")
    referral_file.write_text('text: ""\nurl: ""\n# emptied\n', encoding="utf-8")
    assert referral.line() is None


@pytest.mark.parametrize("content", [
    'url: "javascript:alert(1)"\n', "- just\n- a list\n", 'text: "zonder adres"\n', "url: [unclosed\n",
])
def test_a_bad_referral_file_means_no_referral(referral_file, content, domain):
    referral_file.write_text(content, encoding="utf-8")
    assert referral.line() is None
    assert reply("nlu_fallback", "asdkjh qwe zxcv", domain)["text"].startswith(texts.DONT_KNOW)


@pytest.mark.parametrize("text", [
    "krijg ik korting op mijn collegegeld? [e-mail]",
    "[telefoonnummer] krijg ik korting op mijn collegegeld?",
    "krijg ik korting op mijn collegegeld [bsn] [iban] [adres]",
])
def test_placeholders_of_redacted_data_are_no_topic(text, domain):
    """Redaction leaves placeholders in the text; the answer is the one without them (not
    "De documenten noemen niets over ‘telefoonnummer’")."""
    info = record.read(reply("ask_tuition", text, domain))
    assert info["kind"] == record.ANSWERED


def test_the_channels_own_not_understood_reply_gets_the_referral_too(referral_file):
    from bot.channels.turn import TEXT_NOT_UNDERSTOOD, not_understood_reply

    assert not_understood_reply("s")[0]["text"] == TEXT_NOT_UNDERSTOOD  # nothing configured yet
    referral_file.write_text('text: "de website van DUO"\nurl: "https://duo.nl"\n', encoding="utf-8")
    line = texts.REFERRAL.format(text="de website van DUO", url="https://duo.nl")
    assert not_understood_reply("s")[0]["text"] == f"{TEXT_NOT_UNDERSTOOD}\n{line}"
