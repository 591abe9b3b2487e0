"""Language detectors on short chat messages: lingua (the one the bot uses) against py3langid.

    python -m bot.measure.language_eval      # py3langid is measured when it is installed

The messages are `tests/data/language_messages.yml`: Dutch, English, and messages that must keep
the conversation's language. Both detectors get the same rule as `actions.language.detect` (only
Dutch and English; the documents' Dutch terms left out; a message of at least MIN_WORDS words sets
the language at a probability of at least the threshold). Prints per detector how many messages set
the right language, the wrong one, or none, and the time per message.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import yaml

from actions import language

MESSAGES_PATH = Path(__file__).resolve().parents[2] / "tests" / "data" / "language_messages.yml"
THRESHOLDS = (0.6, 0.7, 0.8, 0.9, 0.95)


def load_messages(path: Path = MESSAGES_PATH) -> Dict[str, List[str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _py3langid() -> Optional[Callable[[str], Tuple[str, float]]]:
    try:
        from py3langid import langid
    except ImportError:
        return None
    load = getattr(langid.LanguageIdentifier, "from_model_file", None) or langid.LanguageIdentifier.from_pickled_model
    identifier = load(langid.MODEL_FILE, norm_probs=True)
    identifier.set_languages(["nl", "en"])

    def classify(text: str) -> Tuple[str, float]:
        found, probability = identifier.classify(text)
        return str(found), float(probability)
    return classify


def score(classify, messages: Dict[str, List[str]], threshold: float) -> Dict[str, int]:
    counts = {"right": 0, "wrong": 0, "none": 0, "kept": 0}
    for label, texts in messages.items():
        for text in texts:
            words = language.language_words(text)  # as in a conversation that has a language
            enough = len(words) >= language.MIN_WORDS
            found, probability = classify(" ".join(words)) if enough else ("", 0.0)
            decided = found if enough and probability >= threshold else None
            if label == "keep":
                counts["kept"] += decided is None
            elif decided is None:
                counts["none"] += 1
            else:
                counts["right" if decided == label else "wrong"] += 1
    return counts


def main(argv: Optional[Sequence[str]] = None) -> int:
    messages = load_messages()
    detectors = {"lingua-language-detector": language.classify, "py3langid": _py3langid()}
    total = sum(len(messages[k]) for k in ("nl", "en"))
    print(f"{total} Dutch/English messages, {len(messages['keep'])} that must keep the language")
    print("| detector | threshold | right | wrong | none | kept | ms/message |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, classify in detectors.items():
        if classify is None:
            print(f"| {name} | not installed | | | | | |")
            continue
        classify("warm up")
        started = time.perf_counter()
        runs = 0
        for texts in messages.values():
            for text in texts:
                classify(text)
                runs += 1
        ms = (time.perf_counter() - started) * 1000 / runs
        for threshold in THRESHOLDS:
            c = score(classify, messages, threshold)
            print(f"| {name} | {threshold} | {c['right']} | {c['wrong']} | {c['none']} | "
                  f"{c['kept']}/{len(messages['keep'])} | {ms:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
