"""Answer-layer tests on NLU's topic as a prior: it may lift a unit in the ranking, but where two
units of different passages fit a question equally well it does not pick one as the answer."""
from __future__ import annotations

import pytest

from actions.answers import INTENT_TOPICS


@pytest.mark.parametrize("question, intent", [
    # (the programme's own purpose is no tie any more: tests/test_engine_purpose.py)
    # (before: the staff shortage schools name, as if it said which schools suffer most)
    ("hebben moeilijke scholen meer last van het lerarentekort?", "ask_staff_shortage"),
    # (before: what the NPO money for unregistered children is meant for, as if it said what is done)
    ("mijn zoon zit al een jaar thuis zonder school, wordt er iets met npo geld gedaan voor zulke kinderen?",
     "ask_thuiszitters"),
])
def test_nlus_topic_does_not_settle_a_tie_between_two_passages(engine, question, intent):
    result = engine.answer(question, prior_topics=INTENT_TOPICS[intent])
    assert result.kind != "answer", result.shown[0].text


def _reply(text, intent="nlu_fallback", theme=None, language="nl", strict=False):
    from actions import answers
    from knowledge import open_kb
    answer = answers.respond(open_kb(), answers.Context(intent=intent, text=text, theme=theme, language=language),
                             strict=strict)
    return answers.render(answer)[0] if answer else None


@pytest.mark.parametrize("question, theme, expected", [
    # NLU reads thema 3 from "stages"; the group the question names has its own theme (5)
    ("hoe kunnen lerarenopleidingen hun zij-instromers extra begeleiden tijdens hun stages?", "3",
     "personele capaciteit van lerarenopleiders"),
    # NLU reads thema 2 from "sociale binding"; a why-question is answered by the reason, not the title
    ("waarom zou sociale binding met de opleiding zo belangrijk zijn?", "2", "studentsucces"),
])
def test_a_theme_nlu_read_from_a_subject_word_only_lifts_that_themes_units(question, theme, expected):
    assert expected in _reply(question, theme=theme)


def test_a_theme_the_question_names_still_decides():
    reply = _reply("welke acties staan er bij thema 3?", intent="ask_actions", theme="3")
    assert "thema 3" in reply.lower()
    # (a theme read from a subject word still lists that theme's actions when actions are asked)
    assert "Thema 3" in _reply("welke acties zijn er voor stages?", intent="ask_actions", theme="3")


@pytest.mark.parametrize("question, expected", [
    ("what does a warm handover to work mean for school leavers?", "warme overdracht"),
    ("are employers who kept apprenticeships going in the crisis getting extra subsidy?", "extra subsidie"),
])
def test_an_english_question_nlu_filed_as_out_of_scope_is_answered_when_the_engine_answers_it(question, expected):
    # (NLU learnt out of scope from few English messages: before, these got the out-of-scope reply)
    assert expected in (_reply(question, intent="out_of_scope", language="en", strict=True) or "")


@pytest.mark.parametrize("question, expected", [
    ("zijn studenten blij dat ze weer gewoon naar de campus mogen?", "erg blij"),
    ("zijn er meer banen bijgekomen nu de economie weer aantrekt?", "vacatures"),
])
def test_a_dutch_question_nlu_filed_as_out_of_scope_is_answered_when_the_engine_answers_it(question, expected):
    # (before: Dutch needed three quarters of the question's weight in the answer, and NLU files
    # such questions as out of scope with full confidence)
    assert expected in (_reply(question, intent="out_of_scope", strict=True) or "")


@pytest.mark.parametrize("question, language", [
    ("can you book a train ticket to my internship?", "en"),
    ("how do I find an internship in Amsterdam?", "en"),
    ("hoe laat gaat de bieb dicht", "nl"),
    # (a time of day, which no sentence gives: the extra travel right shares two words)
    ("hoe laat vertrekt de trein naar utrecht, ik heb een studentenreisproduct", "nl"),
])
def test_out_of_scope_with_a_shared_word_stays_out_of_scope(question, language):
    assert _reply(question, intent="out_of_scope", language=language, strict=True) is None


def test_a_follow_up_that_changes_the_theme_by_a_subject_word_decides_it():
    # ("en welke voor stages?" after the actions for welzijn: the new detail is thema 3, read by NLU
    # from "stages"; as a lift only, the last question's "welzijn" kept thema 2)
    from actions import answers
    from knowledge import open_kb
    ctx = answers.Context(intent="inform", text="en welke voor stages?", theme="3")
    answer = answers.respond(open_kb(), ctx, last_question="welke acties zijn er voor welzijn")
    assert "thema 3" in answers.render(answer)[0].lower()


@pytest.mark.parametrize("question", [
    "hoeveel stageplaatsen komen hbo-studenten tekort?",
    "hoeveel stageplekken ontbreken er in het hbo?",
])
def test_a_theme_read_from_a_subject_word_does_not_lift_actions_for_a_number(question):
    # NLU reads thema 3 from "stage"; the annex's stage actions give no number (before: the theme's
    # list, as if it answered); the documents count the shortage for the mbo only
    reply = _reply(question, intent="ask_progress", theme="3")
    assert reply.startswith("De documenten noemen dit niet voor het hbo"), reply


def test_nlus_topic_does_not_outweigh_the_questions_own_words():
    # (before: the progress report's quote on what the plans chose, which NLU's topic lifted above
    # the sentence that counts the plans)
    reply = _reply("hoeveel plannen moesten er in totaal komen van de mbo- en ho-instellingen?",
                   intent="ask_progress")
    assert "honderdelf plannen" in reply, reply


def test_a_theme_read_from_a_subject_word_lists_its_actions_only_where_actions_are_asked():
    # NLU files "krijgen hbo-studenten ook een laptop?" under ask_actions and reads thema 2 from "laptop";
    # before, theme 2's list for the hbo was the reply (its devices are "in het mbo")
    reply = _reply("krijgen hbo-studenten ook een laptop?", intent="ask_actions", theme="2")
    assert reply.startswith("De documenten noemen dit niet voor het hbo"), reply
    # (where actions are asked, or only keywords are typed, the list still answers)
    assert "thema 2" in _reply("welke acties zijn er voor welzijn?", intent="ask_actions", theme="2").lower()
    assert "thema 2" in _reply("welzijn acties", intent="ask_actions", theme="2").lower()


def test_whether_the_actions_hold_for_a_group_is_answered_by_a_sentence_not_a_theme_question():
    # (before: "Over welk thema wil je de acties zien?" - NLU files it under ask_actions, and
    # "acties" and two groups made it a bare request for a list)
    reply = _reply("zijn de acties voor lerarenopleidingen ook voor wo?", intent="ask_actions")
    assert "lerarenopleidingen hbo en wo" in reply, reply
    # (asking which actions there are for a group is still a request for the list)
    assert _reply("welke acties zijn er ook voor het wo?", intent="ask_actions") == \
        "Over welk thema wil je de acties zien?"


def test_what_can_be_done_about_a_problem_is_the_list_of_the_theme_nlu_read_from_its_subject(engine):
    # the best sentence tells the problem (school leavers' hard start), not what is done about it;
    # NLU reads thema 6 from "werkloosheid" and that theme's units rank close
    result = engine.answer("wat kan een roc doen tegen werkloosheid onder schoolverlaters", theme_hint=6)
    assert (result.kind, result.theme) == ("actions", 6)
    # (a best sentence that says what is done stays the answer: the wo's apps against a lack of binding)
    result = engine.answer("wat doen universiteiten tegen het gebrek aan sociale binding van studenten", theme_hint=2)
    assert result.kind == "answer" and "speciale apps" in result.shown[0].text
