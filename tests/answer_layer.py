"""Helpers for the answer-layer tests on real questions (tests/test_engine_*.py)."""


def shown(result) -> str:
    """The text of the units a result shows, as one string."""
    return " ".join(u.text for u in result.shown)


def reply_to(text: str, language: str = "nl", last_question=None) -> str:
    """The bot's first reply text to `text` through the answer layer, as a message NLU did not
    route (the dialogue act `nlu_fallback`), after `last_question` (the slot) where given."""
    from actions import answers
    from knowledge import open_kb
    context = answers.Context(intent="nlu_fallback", text=text, language=language)
    return answers.render(answers.respond(open_kb(), context, last_question=last_question))[0]


def assert_answers(engine, question: str, fragment: str, first: bool = False):
    """Assert that the engine answers `question` (no near miss, not unsure) showing `fragment`:
    in the first shown unit where `first`, else in any. Returns the result for further checks."""
    result = engine.answer(question)
    assert result.kind == "answer", (result.kind, shown(result))
    text = result.shown[0].text if first else shown(result)
    assert fragment in text, text
    return result


def assert_near_miss(engine, question: str):
    """Assert that the engine does not answer `question` but says the documents do not give it (a
    near miss). Returns the result for further checks."""
    result = engine.answer(question)
    assert result.kind == "near_miss", (result.kind, shown(result))
    return result
