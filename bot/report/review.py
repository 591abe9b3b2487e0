"""python -m bot.report.review --since 7d --out results/review.yml (`make review`).

The questions an operator should look at, as Rasa NLU YAML ready for annotation: those the bot
could not answer (not in the documents, fallback, no reply stored) and those whose answer got 👎.
Deduplicated (case, accents and punctuation ignored; the most frequent wording kept), grouped
under the intent NLU gave them, most asked first, with a comment saying why each group is there.
Move an example to the right intent in `data/nlu/`, or add a word to `knowledge/lexicon.yml`.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import Dict, List, Optional, Tuple

from bot.report import cli
from bot.report.store import Turn
from bot.report.summary import UNANSWERED, normalise

UNKNOWN_INTENT = "nlu_fallback"


def review_items(turns: List[Turn]) -> Dict[str, List[Tuple[str, int, List[str]]]]:
    """intent -> [(question, times, reasons)], deduplicated, the most asked first."""
    picked: Dict[str, List[Turn]] = {}
    for turn in turns:
        if turn.kind in UNANSWERED or turn.rating == "down":
            key = normalise(turn.text)
            if key and not turn.text.startswith("/"):  # a button's payload is not a phrasing
                picked.setdefault(key, []).append(turn)
    by_intent: Dict[str, List[Tuple[str, int, List[str]]]] = {}
    for members in picked.values():
        text = Counter(t.text.strip() for t in members).most_common(1)[0][0]
        intent = Counter(t.intent or UNKNOWN_INTENT for t in members).most_common(1)[0][0]
        reasons = sorted({"rated not helpful" if t.rating == "down" else t.kind.replace("_", " ") for t in members})
        by_intent.setdefault(intent, []).append((text, len(members), reasons))
    for items in by_intent.values():
        items.sort(key=lambda item: (-item[1], item[0].lower()))
    return dict(sorted(by_intent.items(), key=lambda kv: (-sum(i[1] for i in kv[1]), kv[0])))


def _example(text: str) -> str:
    """One line of a YAML block scalar: no line breaks; Rasa's entity syntax "[x](y)" is escaped."""
    line = " ".join(text.split())
    return line.replace("](", "] (")


def to_yaml(items: Dict[str, List[Tuple[str, int, List[str]]]], header: str) -> str:
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines += ['version: "3.1"', "nlu:" if items else "nlu: []"]
    for intent, examples in items.items():
        lines.append(f"# NLU read these as '{intent}'; move each to the intent it should be:")
        lines += [f"#   {times}x {', '.join(reasons)}: {_example(text)[:80]}" for text, times, reasons in examples]
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines += [f"    - {_example(text)}" for text, _, _ in examples]
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.report.review",
                                     description="Write unanswered and 👎 questions as Rasa NLU YAML for annotation.")
    cli.add_arguments(parser, "results/review.yml")
    args, loaded = cli.load(parser, argv)
    if loaded is None:
        return 1
    since, until, store = loaded.since, loaded.until, loaded.store
    items = review_items(loaded.turns)
    count = sum(len(v) for v in items.values())
    header = (f"Questions to review, {since:%Y-%m-%d %H:%M} – {until:%Y-%m-%d %H:%M}, from {store}.\n"
              "Unanswered (not in the documents, fallback, no reply) and rated not helpful; deduplicated.\n"
              "Not training data yet: check each example, then move it to data/nlu/.")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(to_yaml(items, header), encoding="utf-8")
    print(f"{count} questions to review written to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
