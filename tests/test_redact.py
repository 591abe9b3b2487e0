"""The redaction patterns (bot/channels/redact.py): what must go, and what only looks alike and stays."""
from __future__ import annotations

import json

import pytest

from bot.channels import redact as r
from bot.channels.inbound import InputRules, parse_body

REDACTED = [
    # e-mail
    ("mijn mail is jan.jansen@school.nl, mail me", "mijn mail is [e-mail], mail me"),
    ("Mail naar J.de-Vries+npo@mail.roc-midden.nl.", "Mail naar [e-mail]."),
    # phone numbers
    ("bel me op 06-12345678", "bel me op [telefoonnummer]"),
    ("bel 0612345678 of 06 1234 5678", "bel [telefoonnummer] of [telefoonnummer]"),
    ("mijn nummer: +31 6 12345678", "mijn nummer: [telefoonnummer]"),
    ("+31612345678", "[telefoonnummer]"),
    ("0031 (0)20 1234567 is ons nummer", "[telefoonnummer] is ons nummer"),
    ("school: 020 123 45 67", "school: [telefoonnummer]"),
    ("school: (020) 123 4567", "school: [telefoonnummer]"),
    ("school: 010-1234567.", "school: [telefoonnummer]."),
    ("bel 0800-1234", "bel [telefoonnummer]"),
    # BSN: nine digits that pass the elfproef
    ("mijn bsn is 111222333", "mijn bsn is [bsn]"),
    ("BSN 1112.22.333 graag", "BSN [bsn] graag"),
    ("bsn: 111 222 333", "bsn: [bsn]"),
    ("sofinummer 123456782", "sofinummer [bsn]"),
    ("mijn bsn is 111222333, krijg ik korting?", "mijn bsn is [bsn], krijg ik korting?"),  # a comma after it
    # IBAN
    ("rekening NL91ABNA0417164300", "rekening [iban]"),
    ("rekening NL91 ABNA 0417 1643 00 graag", "rekening [iban] graag"),
    ("nl91abna0417164300", "[iban]"),
    ("NL00ABNA0000000000 (met een typfout)", "[iban] (met een typfout)"),
    ("Belgisch: BE68 5390 0754 7034.", "Belgisch: [iban]."),
    ("DE89370400440532013000", "[iban]"),
    # postcode with house number
    ("ik woon op 1234 AB 12", "ik woon op [adres]"),
    ("postcode 1234AB, 12a", "postcode [adres]"),
    ("1234ab 7-2 is mijn adres", "[adres] is mijn adres"),
    ("Dorpsstraat 12, 3511 LX Utrecht", "Dorpsstraat [adres] Utrecht"),
    # several at once
    ("jan@x.nl / 06-12345678 / 111222333",
     "[e-mail] / [telefoonnummer] / [bsn]"),
]

KEPT = [
    "Geldt de halvering voor 2021/2022?",
    "Wat gebeurt er in het studiejaar 2022-2023?",
    "Er is € 516 miljoen voor het mbo.",
    "Het gaat om €516 miljoen en € 8,5 miljard",
    "Krijg ik 12 maanden extra reisrecht?",
    "€ 516.000.000 voor de instellingen",
    "€ 111.222.333 is geen bsn",
    "111222333,50 is een bedrag, geen bsn",
    "Er zijn 100.000 studenten",
    "Onze referentie 30111110",
    "vanaf 1 september 2021 tot 31-12-2022",
    "op 01-09-2021 begint het",
    "Thema 6 voor het mbo 4",
    "in 2021 en 2022 ab",
    "In 2021 zijn er 1.000 scholen; 0,5 procent",
    "Hoeveel is 123456789?",  # nine digits that fail the elfproef
    "Wat betekent NL in de brief?",
    "mail mij maar",
    "Kamerstuk 31293, nr. 123",
]


@pytest.mark.parametrize("text,expected", REDACTED)
def test_personal_data_is_replaced(text, expected):
    assert r.redact(text) == expected


@pytest.mark.parametrize("text", KEPT)
def test_look_alikes_stay(text):
    assert r.redact(text) == text


def test_elfproef():
    assert r.elfproef("111222333")
    assert r.elfproef("123456782")
    assert not r.elfproef("123456789")
    assert not r.elfproef("000000000")
    assert not r.elfproef("12345678")


def test_iban_check_digits():
    assert r.iban_valid("NL91ABNA0417164300")
    assert r.iban_valid("GB82 WEST 1234 5698 7654 32")
    assert not r.iban_valid("NL92ABNA0417164300")


def test_redact_values_reaches_nested_strings():
    value = {"note": "mail jan@x.nl", "list": ["06-12345678", 3], "nested": {"bsn": "111222333"}}
    assert r.redact_values(value) == {
        "note": "mail [e-mail]", "list": ["[telefoonnummer]", 3], "nested": {"bsn": "[bsn]"},
    }


def test_both_channels_input_check_redacts_message_and_metadata():
    """inbound.parse_body is the one entry point both channels use."""
    body = json.dumps({"sender": "tester", "message": "Mijn mail is a@b.nl, krijg ik korting?",
                       "metadata": {"contact": "bel 0612345678"}}).encode()
    inbound = parse_body(body, InputRules())
    assert inbound.text == "Mijn mail is [e-mail], krijg ik korting?"
    assert inbound.metadata == {"contact": "bel [telefoonnummer]"}


def test_redaction_happens_after_the_length_check_on_the_original():
    """A placeholder can be longer than what it replaces; the limit applies to what the user sent."""
    body = json.dumps({"sender": "tester", "message": "a@b.nl " * 5}).encode()
    inbound = parse_body(body, InputRules(max_message_chars=40))
    assert inbound.text.count("[e-mail]") == 5


def test_a_sender_id_with_personal_data_gets_a_stable_stand_in():
    body = json.dumps({"sender": "jan.jansen@school.nl", "message": "hoi"}).encode()
    first, second = parse_body(body, InputRules()), parse_body(body, InputRules())
    assert first.sender == second.sender  # the conversation continues
    assert first.sender.startswith("redacted-") and "@" not in first.sender
    assert parse_body(json.dumps({"sender": "klant-42", "message": "hoi"}).encode(), InputRules()).sender == "klant-42"


def test_feedback_uses_the_same_sender_stand_in():
    from bot.channels.feedback import parse_feedback
    from bot.channels.inbound import printable_sender

    body = json.dumps({"sender": "jan.jansen@school.nl", "answer_id": "abc123", "rating": "down",
                       "comment": "mail jan@x.nl"}).encode()
    feedback = parse_feedback(body, printable_sender)
    message = parse_body(json.dumps({"sender": "jan.jansen@school.nl", "message": "hoi"}).encode(), InputRules())
    assert feedback.sender == message.sender
    assert feedback.comment == "mail [e-mail]"
