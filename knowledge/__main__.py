"""Command line: ``python -m knowledge build|search|stats|path``.

Errors (a missing or malformed sidecar, an unreadable or empty source, a bad curated quote, a
missing or outdated knowledge base) print one line on stderr, naming the file and what to fix, and
exit with status 1.
"""
from __future__ import annotations

import argparse
import os
import sys
import textwrap
from pathlib import Path
from typing import List, Optional


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description="NP Onderwijs knowledge base")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="parse the sources and write the SQLite knowledge base")
    build.add_argument("--output", type=Path, default=None,
                       help="output file (default: $NPO_KB_PATH, else kb.sqlite in this package)")
    build.add_argument("--sources", type=Path, default=None, help="folder with the documents and their .yml sidecars (default: knowledge/sources)")
    build.add_argument("--if-stale", action="store_true",
                       help="only when the file is missing or older than a source or this package's files")
    search = sub.add_parser("search", help="print the passages that best answer a question")
    search.add_argument("question")
    search.add_argument("--limit", type=int, default=3)
    search.add_argument("--kb", type=Path, default=None, help="knowledge base file")
    stats = sub.add_parser("stats", help="print row counts per table")
    stats.add_argument("--kb", type=Path, default=None, help="knowledge base file")
    sub.add_parser("path", help="print where the knowledge base is built and read")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    args = _parser().parse_args(argv)
    from .api import KnowledgeBaseError, open_kb, resolve_path
    from .build import BuildError, SOURCES_DIR, build, is_stale
    from .normalize import NormalizerError
    from .parse import SourceError

    try:
        if args.command == "path":
            print(resolve_path())
        elif args.command == "build":
            output = resolve_path(args.output)
            sources = args.sources or SOURCES_DIR
            if args.if_stale and not is_stale(output, sources):
                print(f"Knowledge base up to date: {output}")
                return 0
            counts = build(output, sources_dir=sources)
            summary = ", ".join(f"{n} {name}" for name, n in counts.items())
            print(f"Knowledge base written to {output}: {summary}")
        elif args.command == "search":
            kb = open_kb(args.kb)
            hits = kb.search(args.question, limit=args.limit)
            if not hits:
                print("Geen passages gevonden.")
            for i, hit in enumerate(hits, 1):
                print(f"{i}. [{hit.score:.2f}] {hit.citation}")
                print(textwrap.indent(textwrap.fill(hit.text, width=96), "   "))
                print()
        elif args.command == "stats":
            for table, count in open_kb(args.kb).stats().items():
                print(f"{table:10} {count}")
    except (BuildError, SourceError, KnowledgeBaseError, NormalizerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
