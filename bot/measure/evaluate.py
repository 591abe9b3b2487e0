"""`make eval`: how well the NPO-assistent understands and answers.

1. NLU: `rasa test nlu --cross-validation --folds 5` on data/ with config.yml, reports in
   results/nlu-cv/. Headline: intent macro-F1 and entity micro-F1 over all folds.
2. Conversations: every case in tests/conversations.yml against the trained bot (action server +
   Rasa via `bot.ops.serve.Stack`, over REST), checked by the suite's runner
   (`bot.measure.conversations`, which tests/test_conversations.py uses too). Headline: pass rate overall and per topic, out-of-scope
   handling, the failing cases.

Writes results/eval.json and results/eval.md and prints the headline figures.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from bot.measure import conversations as suite
from bot.ops.serve import DEFAULT_MODEL, REPO_ROOT, VENV_BIN, Stack, StartupError, base_env

RESULTS_DIR = REPO_ROOT / "results"


def log(message: str) -> None:
    print(f"[eval {dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# NLU cross-validation
# --------------------------------------------------------------------------------------------

def run_cross_validation(out_dir: Path, folds: int, log_path: Path) -> float:
    """`rasa test nlu --cross-validation` into out_dir; seconds taken. Raises on failure."""
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="npo-eval-cache-") as cache:
        env = {**base_env(), "RASA_CACHE_DIRECTORY": cache}
        argv = [str(VENV_BIN / "rasa"), "test", "nlu", "--nlu", "data", "--config", "config.yml",
                "--cross-validation", "--folds", str(folds), "--out", str(out_dir), "--no-plot"]
        start = time.monotonic()
        with open(log_path, "wb") as log_file:
            code = subprocess.call(argv, cwd=REPO_ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    if code != 0:
        tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-25:])
        raise RuntimeError(f"rasa test nlu failed (exit {code}); last log lines:\n{tail}")
    return time.monotonic() - start


def _avg(report: Dict[str, Any], name: str, metric: str = "f1-score") -> Optional[float]:
    row = report.get(name)
    return round(float(row[metric]), 4) if isinstance(row, dict) and metric in row else None


def parse_intent_report(path: Path) -> Dict[str, Any]:
    """Intent figures from Rasa's intent_report.json (a scikit-learn classification report)."""
    report = json.loads(path.read_text(encoding="utf-8"))
    per_intent = {
        name: row for name, row in report.items()
        if isinstance(row, dict) and "f1-score" in row and not name.endswith(" avg")
    }
    weakest = sorted(per_intent.items(), key=lambda item: item[1]["f1-score"])[:5]
    return {
        "intent_macro_f1": _avg(report, "macro avg"),
        "intent_weighted_f1": _avg(report, "weighted avg"),
        "intent_accuracy": round(float(report["accuracy"]), 4) if "accuracy" in report else None,
        "intents": len(per_intent),
        "weakest_intents": [
            {"intent": name, "f1": round(row["f1-score"], 4), "support": row.get("support"),
             "confused_with": row.get("confused_with", {})}
            for name, row in weakest
        ],
    }


def parse_entity_report(path: Path) -> Dict[str, Any]:
    """Entity figures from <extractor>_report.json; micro-F1 is the headline (macro when absent)."""
    report = json.loads(path.read_text(encoding="utf-8"))
    micro = _avg(report, "micro avg")
    macro = _avg(report, "macro avg")
    per_entity = {
        name: round(row["f1-score"], 4) for name, row in report.items()
        if isinstance(row, dict) and "f1-score" in row and not name.endswith(" avg")
    }
    return {
        "entity_f1": micro if micro is not None else macro,
        "entity_macro_f1": macro,
        "entity_f1_per_entity": per_entity,
        "entity_extractor": path.name[: -len("_report.json")],
    }


def nlu_figures(out_dir: Path) -> Dict[str, Any]:
    intent_path = out_dir / "intent_report.json"
    if not intent_path.exists():
        raise RuntimeError(f"{intent_path} was not written by rasa test nlu")
    figures = parse_intent_report(intent_path)
    entity_reports = sorted(p for p in out_dir.glob("*_report.json")
                            if p.name not in ("intent_report.json", "response_selection_report.json"))
    if entity_reports:
        figures.update(parse_entity_report(entity_reports[0]))
    return figures


# --------------------------------------------------------------------------------------------
# Conversation suite
# --------------------------------------------------------------------------------------------

def run_conversations(model: Path) -> Dict[str, Any]:
    """Every case of tests/conversations.yml against a freshly started bot."""
    cases = suite.load_cases()
    problems = [error for case in cases for error in suite.case_errors(case)]
    if problems:
        raise RuntimeError("tests/conversations.yml has invalid cases:\n" + "\n".join(problems[:20]))
    log(f"conversations: starting the bot with {model}")
    with Stack(model=model) as stack:
        log(f"conversations: {len(cases)} cases, {suite.CONCURRENCY} at a time")
        results = suite.run_cases(stack.url, cases, suite.CONCURRENCY)
    summary = suite.summarise(results)
    oos = summary["topics"].get(suite.OUT_OF_SCOPE_TOPIC, {})
    failures = [
        {"id": r["id"], "topic": r["topic"],
         "turns": [{"user": t["user"], "reply": t["reply"], "problems": t["problems"]}
                   for t in r["turns"] if t["problems"]]}
        for r in results if not r["passed"]
    ]
    return {
        "conversation_cases": summary["cases"],
        "conversation_passed": summary["passed"],
        "conversation_pass_rate": summary["pass_rate"],
        "out_of_scope_pass_rate": oos.get("pass_rate"),
        "out_of_scope_with_source": summary["out_of_scope_with_source"],
        "topics": summary["topics"],
        "failures": failures,
        "report": suite.report(summary, results),
    }


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------

def _pct(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:.1%}"


def _f(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:.3f}"


def markdown(result: Dict[str, Any]) -> str:
    lines = [f"# Evaluation, {result['created'][:16].replace('T', ' ')}", ""]
    if "intent_macro_f1" in result:
        lines += [
            f"## NLU ({result['folds']}-fold cross-validation)", "",
            "| figure | value |", "|---|---:|",
            f"| intent macro-F1 | {_f(result['intent_macro_f1'])} |",
            f"| intent weighted F1 | {_f(result.get('intent_weighted_f1'))} |",
            f"| intent accuracy | {_f(result.get('intent_accuracy'))} |",
            f"| entity F1 (micro) | {_f(result.get('entity_f1'))} |",
            f"| entity macro-F1 | {_f(result.get('entity_macro_f1'))} |",
            "",
            "Weakest intents: " + ", ".join(f"`{w['intent']}` {w['f1']:.2f}" for w in result["weakest_intents"]),
            "",
        ]
    if "conversation_pass_rate" in result:
        lines += [
            "## Conversation suite (`tests/conversations.yml`)", "",
            "| topic | cases | passed | pass rate |", "|---|---:|---:|---:|",
        ]
        for topic, row in result["topics"].items():
            lines.append(f"| {topic} | {row['cases']} | {row['passed']} | {_pct(row['pass_rate'])} |")
        lines += [
            f"| **all** | {result['conversation_cases']} | {result['conversation_passed']} "
            f"| **{_pct(result['conversation_pass_rate'])}** |",
            "",
            f"Out-of-scope questions answered with a source: {len(result['out_of_scope_with_source'])}"
            + (f" ({', '.join(result['out_of_scope_with_source'])})" if result["out_of_scope_with_source"] else ""),
            "",
        ]
        if result["failures"]:
            lines += ["Failing cases:", ""]
            for failure in result["failures"]:
                for turn in failure["turns"]:
                    reply = " | ".join((turn["reply"] or "<no reply>").splitlines())
                    lines.append(f"- `{failure['id']}` ({failure['topic']}): “{turn['user']}” → "
                                 f"{'; '.join(turn['problems'])}. Reply: {reply[:200]}")
            lines.append("")
    return "\n".join(lines)


def headline(result: Dict[str, Any]) -> List[str]:
    lines = []
    if "intent_macro_f1" in result:
        lines.append(f"intent macro-F1 {_f(result['intent_macro_f1'])}, entity F1 {_f(result.get('entity_f1'))} "
                     f"({result['folds']}-fold cross-validation)")
    if "conversation_pass_rate" in result:
        lines.append(f"conversations: {result['conversation_passed']}/{result['conversation_cases']} passed "
                     f"({_pct(result['conversation_pass_rate'])}), out of scope {_pct(result['out_of_scope_pass_rate'])}, "
                     f"{len(result['out_of_scope_with_source'])} out-of-scope answers with a source")
    return lines


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.measure.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--model", type=Path, default=Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL)))
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    parser.add_argument("--skip-nlu", action="store_true", help="no cross-validation")
    parser.add_argument("--skip-conversations", action="store_true", help="no conversation suite")
    args = parser.parse_args(argv)
    if args.folds < 2:
        parser.error("--folds must be at least 2")

    args.out.mkdir(parents=True, exist_ok=True)
    result: Dict[str, Any] = {"created": dt.datetime.now().isoformat(timespec="seconds")}
    try:
        if not args.skip_nlu:
            cv_dir = args.out / "nlu-cv"
            log(f"NLU: {args.folds}-fold cross-validation (log: {args.out / 'nlu-cv.log'})")
            seconds = run_cross_validation(cv_dir, args.folds, args.out / "nlu-cv.log")
            result.update({"folds": args.folds, "cross_validation_s": round(seconds, 1), **nlu_figures(cv_dir)})
            log(f"NLU: done in {seconds:.0f} s")
        if not args.skip_conversations:
            if not args.model.exists():
                raise RuntimeError(f"no trained model at {args.model}; run 'make train' first")
            conversations = run_conversations(args.model)
            print(conversations.pop("report"))
            result.update(conversations)
    except (RuntimeError, StartupError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    (args.out / "eval.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (args.out / "eval.md").write_text(markdown(result), encoding="utf-8")
    print()
    for line in headline(result):
        print(line)
    print(f"Written: {args.out / 'eval.json'}, {args.out / 'eval.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
