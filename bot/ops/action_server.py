"""Action server entry point: refuses to start without a readable knowledge base.

`python -m bot.ops.action_server --port 5055` checks the KB first (one-line reason and exit code 1
when it is missing, corrupt or from another schema), then runs rasa_sdk's server on `actions`.
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
        # Build the answer engine (units, lemma table, stems) now, not on the first user's question.
        kb.engine().answer("Wordt het collegegeld gehalveerd?")
    except KnowledgeBaseError as error:
        return str(error)
    except Exception as error:  # a corrupt file can fail in sqlite3 itself
        return f"the knowledge base cannot be read ({error.__class__.__name__}: {error}); rebuild it with 'make kb'"
    return None


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
