"""Action server entry point: refuses to start without a readable knowledge base.

`python -m bot.ops.action_server --port 5055` checks the KB first (one-line reason and exit code 1
when it is missing, corrupt or from another schema) and warms the answer layer with one question per
language, then runs rasa_sdk's server on `actions`.
"""
from __future__ import annotations

import sys
from typing import List, Optional

from knowledge import KnowledgeBaseError, open_kb  # first import of numpy: one BLAS thread


def check_knowledge_base() -> Optional[str]:
    """None when the KB can be queried, else the reason it cannot."""
    try:
        kb = open_kb()
        if not kb.documents:
            return "the knowledge base has no documents; rebuild it with 'make kb'"
        warm_up(kb)
    except KnowledgeBaseError as error:
        return str(error)
    except Exception as error:  # a corrupt file can fail in sqlite3 itself
        return f"the knowledge base cannot be read ({error.__class__.__name__}: {error}); rebuild it with 'make kb'"
    return None


# One question per language, through the whole answer layer.
WARM_UP_QUESTIONS = ("Wordt het collegegeld gehalveerd voor studenten in het hbo en het mbo?",
                     "Is my tuition fee halved this year?")


def warm_up(kb) -> None:
    """Load now what the first questions would load: the answer engine (units, lemma table, stems,
    embeddings), the language detector's models (4 s on an idle machine) and the English glossary.
    On a busy machine the first user's turn otherwise overran the turn budget ("even niet beschikbaar")."""
    from actions import answers
    from actions.language import conversation_language

    for text in WARM_UP_QUESTIONS:
        answers.respond(kb, answers.Context(intent="nlu_fallback", text=text,
                                            language=conversation_language(text, None)))


def main(argv: Optional[List[str]] = None) -> int:
    problem = check_knowledge_base()
    if problem:
        print(f"error: action server not started: {problem}", file=sys.stderr)
        return 1
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser

    args = create_argument_parser().parse_args(["--actions", "actions", *(argv if argv is not None else sys.argv[1:])])
    main_from_args(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
