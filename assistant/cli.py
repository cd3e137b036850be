"""CLI: argument parsing and printing only (python -m assistant / assistant)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import AssistantError, UsageError
from assistant.guards import printable
from assistant.types import FileOutcome


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description=(
            "Safer Cumbria strategy assistant: cited answers over the partnership's documents."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="index corpus/ (incremental)")
    ingest.add_argument("--rebuild", action="store_true", help="re-embed everything")
    status = sub.add_parser("status", help="show what is indexed")
    status.add_argument("--json", action="store_true")
    ask = sub.add_parser(
        "ask",
        help="answer one question with cited passages",
        description="Answer one question. The command line runs as the local single user, who "
        "reads every document whatever its classification; --group (repeatable) answers as a "
        "signed-in member of those identity-provider groups would be answered in the app.",
    )
    ask.add_argument("question")
    ask.add_argument("--k", type=int, default=None, help="passages to retrieve")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--strand", action="append", default=[], help="limit to a strand")
    ask.add_argument("--doc", action="append", default=[], help="limit to a doc_id")
    ask.add_argument("--include-superseded", action="store_true")
    ask.add_argument(
        "--group",
        action="append",
        dest="groups",
        help="read only what members of this group may (repeatable; default: everything)",
    )
    cw = sub.add_parser(
        "check-wording",
        help="judge a draft sentence by sentence (exit 1 unless every sentence is supported)",
    )
    cw.add_argument("file", nargs="?", default="-", help="a text/HTML file, or - for stdin")
    cw.add_argument("--json", action="store_true")
    ev = sub.add_parser(
        "eval", help="run the eval set (or a BEIR dataset) and gate on the baseline"
    )
    ev.add_argument("--json", action="store_true")
    ev.add_argument("--set", default="evals/questions.yaml", help="questions file")
    ev.add_argument("--baseline", default="evals/baseline.json")
    ev.add_argument("--reports", default="evals/reports")
    ev.add_argument("--update-baseline", action="store_true")
    ev.add_argument("--only", choices=["retrieval", "answers", "wording"], default=None)
    ev.add_argument("--wording", default="evals/wording.yaml", help="wording cases file")
    ev.add_argument("--dev", default="evals/dev_questions.yaml", help="extra calibration set")
    ev.add_argument("--blind", default="evals/blind_questions.yaml", help="blind set (never tuned)")
    ev.add_argument("--beir", metavar="DIR", help="score a BEIR dataset instead")
    ev.add_argument("--split", default="test", help="BEIR qrels split")
    fb = sub.add_parser("feedback", help="export thumbs-down feedback as draft eval items")
    fb.add_argument("action", choices=["export"])
    fb.add_argument("--out", default="-", help="YAML file to write, or - for stdout")
    backup = sub.add_parser("backup", help="copy the index to a new folder (no ingest may run)")
    backup.add_argument("dest", type=Path)
    restore = sub.add_parser("restore", help="replace the index with a backup, then check it")
    restore.add_argument("src", type=Path)
    audit = sub.add_parser("audit", help="verify or export the audit trail of every answer")
    audit.add_argument("action", choices=["verify", "export", "prune"])
    audit.add_argument("--since", metavar="YYYY-MM-DD", help="export: records from this date (UTC)")
    audit.add_argument("--user", help="export: only this user's records")
    audit.add_argument("--out", default="-", help="export: CSV file to write, or - for stdout")
    chat = sub.add_parser("chat", help="a conversation; one question per line from a pipe")
    chat.add_argument("--json", action="store_true")
    sub.add_parser(
        "serve",
        help="open the chat UI, the model warmed at start (other options go to streamlit run)",
    )
    return parser


def _settings() -> Settings:
    try:
        return Settings()
    except ValueError as exc:
        first = str(exc).splitlines()
        raise AssistantError(f"Invalid configuration: {' '.join(first[:3])}") from exc


def cmd_ingest(args: argparse.Namespace) -> int:
    """Index the corpus and print the counts."""
    from assistant.index import build_index
    from assistant.pipeline import make_embedder

    settings = _settings()
    report = build_index(settings, make_embedder(settings), rebuild=args.rebuild)
    counts = report.to_dict()["counts"]
    print(
        ", ".join(f"{v} {k}" for k, v in counts.items())
        + f"; {report.chunks_embedded} chunks embedded in {report.seconds:.1f} s"
    )
    for o in report.outcomes:
        if o.reason or o.warning:
            print(printable(f"  {o.action}: {o.source}: {o.reason or o.warning}"))
        _print_personal_data(o)
    return 1 if counts["failed"] or counts["missing"] else 0


def _print_personal_data(outcome: FileOutcome, most: int = 5) -> None:
    """Print a file's personal-data flags, masked, the first few of them."""
    for item in outcome.personal_data[:most]:
        where = f" ({item.where()})" if item.where() else ""
        print(printable(f"  personal data: {outcome.source}{where}: {item.kind} {item.masked}"))
    if len(outcome.personal_data) > most:
        more = len(outcome.personal_data) - most
        print(f"  personal data: {printable(outcome.source)}: {more} more in ingest-report.json")


def cmd_status(args: argparse.Namespace) -> int:
    """Print what the index holds."""
    from assistant.pipeline import index_status

    status = index_status(_settings())
    if args.json:
        print(json.dumps(status, indent=2))
        return 0
    print(
        f"{status['documents']} documents, {status['chunks']} chunks; model "
        f"{status['embedding_model']}; last ingest {status['last_ingest']}"
    )
    for doc_id, d in status["per_document"].items():
        pages = f"{d['pages']} pages, " if d["pages"] else ""
        print(f"  {doc_id} ({d['status']}): {pages}{d['chunks']} chunks - {d['title']}")
    for f in status["failed"]:
        print(printable(f"  {f['action']}: {f['source']}: {f['reason']}"))
    print(describe_check(status["check"]))
    return 0 if status["check"]["consistent"] else 1


def describe_check(check: dict[str, Any]) -> str:
    """One line on whether the stored records agree with the manifest."""
    if not check["consistent"]:
        return (
            f"index damaged: {check['missing']} listed chunks missing, "
            f"{check['missing_sentences']} without sentence vectors, {check['duplicates']} "
            "duplicated: run: assistant ingest --rebuild (or assistant restore a backup)"
        )
    left = check["unlisted"] + check["unlisted_sentences"]
    extra = f"; {left} records left by an interrupted ingest (unused; the next ingest removes them)"
    return "index consistent with the manifest" + (extra if left else "")


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a backup of the index."""
    from assistant.backup import backup

    info = backup(_settings(), args.dest)
    counts = info["counts"]
    print(
        f"backed up {info['documents']} documents, {counts['chunks']} chunks and "
        f"{counts['sentences']} sentence vectors to {args.dest}"
    )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup, then check it by counts and a test query."""
    from assistant.backup import restore
    from assistant.pipeline import load_assistant

    settings = _settings()
    info = restore(settings, args.src)
    counts = info["counts"]
    print(
        f"restored {info['documents']} documents, {counts['chunks']} chunks and "
        f"{counts['sentences']} sentence vectors from {args.src} (made {info['created']})"
    )
    print(describe_check(info["check"]))
    hits = load_assistant(settings).retriever.retrieve("What are the partnership's priorities?")
    print(f"test query: {len(hits)} passages, best from {hits[0].chunk.doc_id if hits else '-'}")
    return 0 if info["check"]["consistent"] and hits else 1


def _print_answer(answer: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
        return
    print(answer.to_markdown())
    items = answer.sources if answer.grounded else answer.related
    for s in items:
        quote = " ".join(s.quote.split())
        print(f'\n[{s.n}] {s.doc_id}: "{quote[:400]}{"..." if len(quote) > 400 else ""}"')


def cmd_ask(args: argparse.Namespace) -> int:
    """Answer one question."""
    from assistant.access import UNLIMITED, access_for
    from assistant.pipeline import load_assistant
    from assistant.retrieve import Filters
    from assistant.validate import check_question

    check_question(args.question)  # a malformed question fails before the model loads
    settings = _settings()
    assistant = load_assistant(settings)
    filters = Filters(
        strands=tuple(args.strand),
        doc_ids=tuple(args.doc),
        include_superseded=args.include_superseded,
        access=UNLIMITED
        if args.groups is None
        else access_for(frozenset(args.groups), settings.classification_groups),
    )
    _print_answer(assistant.ask(args.question, k=args.k, filters=filters), args.json)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """Hold a conversation: a REPL on a terminal, one question per line from a pipe."""
    from assistant.pipeline import Conversation, load_assistant

    assistant, conversation = load_assistant(_settings()), Conversation()
    interactive = sys.stdin.isatty()
    while True:
        if interactive:
            print("> ", end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
        if not line:
            return 0
        if not line.strip():
            continue
        try:
            _print_answer(assistant.ask(line, conversation=conversation), args.json)
        except AssistantError as exc:
            print(f"error: {exc}", file=sys.stderr)
        if interactive:
            print(file=sys.stderr)


def _read_draft(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    try:
        with open(name, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise AssistantError(f"Cannot read {name}: {exc.strerror}") from exc
    from assistant.loaders import decode_text

    return decode_text(data)[0]


def cmd_check_wording(args: argparse.Namespace) -> int:
    """Judge a draft; exit 0 only when every sentence is supported."""
    from assistant.pipeline import load_assistant
    from assistant.wording import summary

    text = _read_draft(args.file)
    assistant = load_assistant(_settings())
    from tqdm import tqdm

    from assistant.wording import split_draft

    with tqdm(total=len(split_draft(text)), desc="check", file=sys.stderr, leave=False) as bar:
        verdicts = assistant.check_wording(text, progress=bar.update)
    result = summary(verdicts)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        for v in verdicts:
            print(f"[{v.verdict.upper()}] {v.sentence}")
            for reason in v.reasons + v.suggestions:
                print(f"    - {reason}")
            if v.quote and v.source:
                print(
                    f"    source: {v.source['title']}, {v.source.get('section') or ''} "
                    f'p. {v.source.get("page") or "-"}: "{v.quote[:200]}"'
                )
        print(", ".join(f"{v} {k}" for k, v in result["summary"].items() if k != "all_supported"))
    return 0 if result["summary"]["all_supported"] else 1


def cmd_eval(args: argparse.Namespace) -> int:
    """Run the eval set against the index (exit 1 on regression), or a BEIR dataset."""
    from pathlib import Path

    from assistant.pipeline import load_assistant, make_embedder

    settings = _settings()
    if args.beir:
        from assistant.beir import format_beir, run_beir

        result = run_beir(Path(args.beir), settings, make_embedder(settings), args.split)
        print(json.dumps(result, indent=2) if args.json else format_beir(result))
        return 0
    from assistant.evaluate import run_eval

    report, folder = run_eval(
        load_assistant(settings),
        Path(args.set),
        Path(args.baseline),
        Path(args.reports),
        args.update_baseline,
        only=args.only,
        wording=Path(args.wording),
        extra_sets={"dev": Path(args.dev), "blind": Path(args.blind)},
    )
    if args.json:
        print(json.dumps({k: v for k, v in report.items() if k != "items"}, indent=2))
    else:
        print((folder / "report.md").read_text())
        print(f"report: {folder}/report.html")
    regressed = [r["metric"] for r in report["comparison"] if r["regressed"]]
    if regressed and not args.update_baseline:
        print(
            f"REGRESSION in {', '.join(regressed)}; newly failing: "
            f"{', '.join(i['id'] for i in report['newly_failing']) or 'none'}",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    """Write thumbs-down answers as draft eval items (question, what was answered, comment)."""
    import yaml

    from assistant.feedback import FeedbackStore, draft_eval_items

    settings = _settings()
    if not settings.feedback_path.is_file():
        raise AssistantError(f"No feedback yet at {settings.feedback_path}: rate answers in the UI")
    items = draft_eval_items(FeedbackStore(settings.feedback_path).rows(rating=0))
    text = yaml.safe_dump({"questions": items}, sort_keys=False, allow_unicode=True)
    if args.out == "-":
        print(text, end="")
    else:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    print(
        f"{len(items)} draft eval items: complete expected_docs, must_include and category",
        file=sys.stderr,
    )
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Verify the audit chain, export records as CSV, or prune by the retention setting."""
    from assistant.audit import AuditLog

    settings = _settings()
    key = settings.audit_key.get_secret_value() if settings.audit_key else None
    log = AuditLog(settings.audit_path, key)
    if args.action == "export":
        return _audit_export(log, args)
    if args.action == "prune":
        return _audit_prune(log, settings.audit_retention_days)
    check = log.verify()
    if not check.ok:
        print(
            f"audit chain broken after {check.records} good records: {check.problem}",
            file=sys.stderr,
        )
        return 1
    print(
        f"audit chain verified: {check.records} records ({check.answers} answers); "
        f"head {check.head}"
    )
    return 0


def _audit_export(log: Any, args: argparse.Namespace) -> int:
    from assistant.audit import parse_since, write_csv

    if not args.since:
        raise UsageError("audit export needs --since YYYY-MM-DD (the first day to export)")
    rows = log.rows(parse_since(args.since), args.user)
    if args.out == "-":
        n = write_csv(rows, sys.stdout)
    else:
        try:
            with open(args.out, "w", encoding="utf-8", newline="") as fh:
                n = write_csv(rows, fh)
        except OSError as exc:
            raise AssistantError(f"Cannot write {args.out}: {exc.strerror}") from exc
    print(f"{n} audit records exported", file=sys.stderr)
    return 0


def _audit_prune(log: Any, days: int | None) -> int:
    if not days:
        print(
            "ASSISTANT_AUDIT_RETENTION_DAYS is not set: records are kept for ever, none pruned",
            file=sys.stderr,
        )
        return 0
    n = log.prune(days)
    checkpoint = "; a checkpoint record keeps the chain verifiable" if n else ""
    print(f"{n} audit records older than {days} days pruned{checkpoint}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Start the Streamlit app with the model and index warming in the background."""
    from assistant.serve import main as serve

    return serve(_settings(), args.streamlit_args)


COMMANDS = {
    "serve": cmd_serve,
    "feedback": cmd_feedback,
    "ingest": cmd_ingest,
    "status": cmd_status,
    "ask": cmd_ask,
    "chat": cmd_chat,
    "audit": cmd_audit,
    "eval": cmd_eval,
    "check-wording": cmd_check_wording,
    "backup": cmd_backup,
    "restore": cmd_restore,
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 ok, 1 user-facing error, 2 bad usage or a malformed question."""
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "serve":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.streamlit_args = extra
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:  # a malformed question or value: bad usage, said in one line
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
