"""Helpers for the answer-layer tests on real questions (tests/test_engine_*.py)."""


def shown(result) -> str:
    """The text of the units a result shows, as one string."""
    return " ".join(u.text for u in result.shown)
