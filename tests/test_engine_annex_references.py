"""Answer-layer tests on real questions (probe round annex, second): questions about what a theme of
the annex says, where the theme is named by its number or its subject, and verbs the annex writes
apart ("les te geven", "wordt ingegrepen")."""
from __future__ import annotations

from knowledge.question import analyse
from tests.answer_layer import reply_to


def test_the_word_theme_beside_its_number_does_not_make_the_title_the_answer():
    # (before: "Meer flexibiliteit …" of theme 3 itself, shown as unsure; the word "thema" weighed
    # as much as "stage" and lifted every sentence that names a theme)
    reply = reply_to("Can teacher training programmes at universities also use the internship measures of theme 3?",
                     language="en")
    assert "ook in het wo ingezet" in reply, reply


def test_a_noun_and_verb_the_annex_writes_apart_is_the_users_compound():
    # (before: "De documenten noemen niets over ‘lesgeven’", beside "studenten leren les te geven")
    reply = reply_to("leren pabostudenten met het npo-geld ook hybride lesgeven?")
    assert "hybride onderwijs" in reply and "niets over" not in reply, reply


def test_a_particle_verb_with_te_the_documents_use_only_with_its_particle():
    # (before: "in te grijpen" was "grijpen", a word the documents never use: "De documenten noemen niets
    # over ‘grijpen’" beside "Indien er nu niet wordt ingegrepen …")
    question = analyse("Waarom is het volgens thema 2 nodig om nu in te grijpen in het welzijn van studenten?")
    assert {c.word: c.particle_form for c in question.concepts}["grijpen"] == "ingrijpen"
    reply = reply_to("Waarom is het volgens thema 2 nodig om nu in te grijpen in het welzijn van studenten?")
    assert "hele generatie" in reply and "grijpen’" not in reply, reply
    # (the verb alone where the documents use it: "leerbanen aan te bieden" is read as "bieden" there)
    reply = reply_to("welke subsidie maakt het voor bedrijven aantrekkelijker om leerbanen aan te bieden?")
    assert "subsidieregeling praktijkleren" in reply, reply


def test_a_theme_named_by_the_word_beside_theme_settles_a_tie_with_the_letter():
    # (before: "I don't know for sure" between theme 2's "Het bieden van extra faciliteiten" and the
    # letter's "extra faciliteiten … via speciale apps" of the wo: the subject beside "theme" named no
    # theme, because the question's other words are not in its title)
    reply = reply_to("What extra facilities can institutions offer students under the wellbeing theme?", language="en")
    assert "support desks" in reply and "Theme 2" in reply and "for sure" not in reply, reply


def test_the_coschap_theme_is_not_answered_by_its_title():
    # (before: the title of theme 4 as the answer to a question about dentistry students in it)
    reply = reply_to("is there anything for dentistry students in the coschap theme", language="en")
    assert not reply.startswith("The annex says (in Dutch):\nThema 4"), reply


def test_an_effect_asked_is_given_by_the_unit_that_holds_as_much_of_the_question():
    # (before: "De documenten noemen hier geen effect of gevolg bij" beside the letter's "Daarnaast is
    # ook het budget voor de subsidieregeling praktijkleren opgehoogd", while theme 3's action, holding
    # more of the question, says what the raise does in its sub-bullet)
    reply = reply_to("Wat is het effect van de ophoging van de subsidieregeling praktijkleren voor werkgevers?")
    assert "aantrekkelijker om leerbanen aan te bieden" in reply and not reply.startswith("De documenten"), reply
