"""One conversation over HTTP that switches between English and Dutch (the trained bot, REST).

The reply follows the user's language; a short message ("thanks!") keeps the conversation's; a
follow-up and a form work across the switch; no reply mixes the two languages' frames.
"""
from __future__ import annotations

import uuid

from bot.measure.conversations import send

DUTCH = ("Bron:", "Wel staat erin", "De documenten noemen", "Graag gedaan", "Wat voor opleiding")
ENGLISH = ("Source:", "(in Dutch)", "The documents", "You're welcome", "What kind of programme")


def english(reply: str) -> str:
    assert not [f for f in DUTCH if f in reply], reply
    return reply


def dutch(reply: str) -> str:
    assert not [f for f in ENGLISH if f in reply], reply
    return reply


def test_language_switches_mid_conversation_and_short_messages_keep_it(bot_url):
    user = f"en-{uuid.uuid4()}"
    reply = english(send(bot_url, user, "Do higher education students get extra months of travel rights?"))
    assert "reisrecht" in reply and "Source: Kamerbrief" in reply and "(in Dutch)" in reply
    assert "You're welcome" in english(send(bot_url, user, "thanks!"))
    reply = dutch(send(bot_url, user, "Krijg ik als mbo-student korting op mijn lesgeld?"))
    assert "Bron:" in reply
    assert "Graag gedaan" in dutch(send(bot_url, user, "thanks!"))
    reply = english(send(bot_url, user, "Which themes are there for universities of applied sciences?"))
    assert "Theme 1" in reply and "Source: Bijlage 1: keuzelijst met acties (17 February 2021), Theme" in reply


def test_english_form_asks_and_answers_in_english(bot_url):
    user = f"en-{uuid.uuid4()}"
    reply = english(send(bot_url, user, "I'm a student, which schemes apply to me?"))
    assert "What kind of programme are you in?" in reply
    reply = english(send(bot_url, user, "hbo"))
    assert "Do you have a basic grant or supplementary grant" in reply
    reply = english(send(bot_url, user, "yes"))
    assert reply.startswith("This applies to you as a student in hbo") and "Source:" in reply


def test_an_english_follow_up_that_names_another_topic_answers_that_topic(bot_url):
    user = f"en-{uuid.uuid4()}"
    reply = english(send(bot_url, user, "Is my tuition fee halved this year?"))
    assert "collegegeld" in reply and "Source:" in reply
    # NLU tags "travel product" as a scheme: a new subject, not a detail that repeats the last question.
    reply = english(send(bot_url, user, "and what about my travel product?"))
    assert "reisrecht" in reply and "collegegeld" not in reply and "Source:" in reply
    # A follow-up that names only a new sector still repeats the last question for that sector.
    reply = english(send(bot_url, user, "Which themes are there for hbo?"))
    assert "Theme 3" in reply and "Theme 4" not in reply
    reply = english(send(bot_url, user, "and for wo?"))
    assert "Theme 4" in reply and "Theme 3:" not in reply


def test_a_first_message_of_code_or_symbols_is_answered_in_dutch(bot_url):
    for message in ("????", "SELECT * FROM users;"):
        dutch(send(bot_url, f"en-{uuid.uuid4()}", message))
