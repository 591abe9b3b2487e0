"""Answer-layer tests on real questions (probe round annex): "wat kan een school doen aan/tegen X?"
where a theme's title holds X (the question's heaviest word) is answered with that theme's actions,
not with a sentence that merely names X or an action of another theme."""
from __future__ import annotations

import pytest

from tests.answer_layer import reply_to


@pytest.mark.parametrize("question, theme, action", [
    # (before: the annex's opening sentence "Deze middelen zijn bedoeld voor ... jeugdwerkloosheid ...")
    ("wat kan een mbo school doen tegen jeugdwerkloosheid?", "thema 6", "loopbaanoriëntatie"),
    # (before: theme 3's "Meer ondersteuning" for students seeking an internship)
    ("wat kan een mbo-school doen aan het welzijn van studenten?", "thema 2", "well being officer"),
])
def test_what_can_be_done_about_a_theme_title_is_its_actions(question, theme, action):
    reply = reply_to(question)
    assert theme in reply and action in reply, reply


def test_an_amount_outside_the_theme_named_is_no_amount_for_it(engine):
    # (before: "€ 12 miljoen" of the money not yet assigned "aan thema's", a confident answer)
    result = engine.answer("hoeveel geld gaat er naar thema 2 welzijn?")
    assert result.kind == "near_miss", [u.text for u in result.shown]
    assert reply_to("hoeveel geld gaat er naar thema 2 welzijn?").startswith("De documenten noemen geen bedrag")
