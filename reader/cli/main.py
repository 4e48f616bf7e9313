"""The `newsreader` command: the TUI with no sub-command, and scriptable sub-commands.

Every sub-command is a thin layer over the core (ingest, store, export); errors are one line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import _thread
import os
import sys
import threading

import orjson

from ..corrections import as_seen
from ..marks import claim_order
from ..model import Annotation, Progress, speaker_of
from ..report import summary_line
from ..rows import claim_row, extract_row, list_row
from ..states import NOT_A_CLAIM, claim_state
from ..storage import StoreError
from ..store import Store, default_store_dir
from ..text import safe_line, terminal_safe_json
from .parser import build_parser

EXIT_OK, EXIT_PARTIAL, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


def _unraisable(unraisable) -> None:
    """An exception Python cannot raise where it happened (in a callback of the import machinery,
    a finaliser). Ctrl-C there is not lost: it is raised again where it can be, and the command
    stops as Ctrl-C stops it anywhere; anything else is one line, never a traceback."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        # (raised again a moment later, from another thread, once this hook and the callback
        # that called it are done: raised in the hook, it would be ignored again)
        threading.Timer(0.001, _thread.interrupt_main).start()
    elif os.environ.get("NEWSREADER_DEBUG"):
        sys.__unraisablehook__(unraisable)
    else:
        _err(f"ignored: {unraisable.exc_type.__name__}: {safe_line(str(unraisable.exc_value), 120)}")


def main(argv: list[str] | None = None) -> int:
    previous, sys.unraisablehook = sys.unraisablehook, _unraisable
    try:
        return _main(argv)
    finally:
        sys.unraisablehook = previous


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code = _tui(args) if args.command is None else COMMANDS[args.command](args)
        if sys.stdout is not None:
            sys.stdout.flush()  # a full disk or a closed pipe is reported here, not at exit
        return code
    except (StoreError, UsageError) as exc:
        _err(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        _drop_stdout()
        return EXIT_OK
    except OSError as exc:  # writing the output failed (a full disk, a closed stream)
        _drop_stdout()
        where = f" {exc.filename}" if exc.filename else " the output"
        _err(f"cannot write{where}: {exc.strerror or exc}")
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one line, never a traceback
        if os.environ.get("NEWSREADER_DEBUG"):
            raise
        _err(f"internal error ({type(exc).__name__}: {safe_line(str(exc), 120)}); set NEWSREADER_DEBUG=1 for details")
        return EXIT_ERROR


def _err(message: str, prefix: str = "newsreader: ") -> None:
    """A line on standard error: errors, warnings, and what a command did beside its output."""
    if sys.stderr is None:  # closed: print() would write to standard output instead
        return
    try:
        print(f"{prefix}{safe_line(message, 400)}", file=sys.stderr, flush=True)
    except OSError:
        pass


def _stdout():
    """Standard output for bytes; an error when it was closed (`>&-`)."""
    if sys.stdout is None:
        raise UsageError("standard output is closed: nowhere to write (use -o FILE where there is one)")
    return sys.stdout.buffer


def _drop_stdout() -> None:
    """After a failed write, make the interpreter's last flush at exit a quiet one."""
    try:
        sys.stdout = open(os.devnull, "w")
    except OSError:
        pass


def _store(args) -> Store:
    return Store(args.store or default_store_dir(), annotator=args.annotator)


def _print_json(data) -> None:
    _stdout().write(terminal_safe_json(orjson.dumps(data, option=orjson.OPT_INDENT_2)) + b"\n")
    sys.stdout.flush()


# -- commands ----------------------------------------------------------------------------------


# The extractor is imported by the commands that extract, not at every start (the app, `tag`):
# it is a third of the start-up.


def cmd_ingest(args) -> int:
    from ..ingest import ingest

    return _ingested(args, lambda store, progress: ingest(args.paths, store, progress=progress))


def cmd_reindex(args) -> int:
    from ..ingest import reindex

    return _ingested(args, lambda store, progress: reindex(store, args.paths, progress=progress))


def _ingested(args, run) -> int:
    """Ingest (or reindex) with a progress bar on a terminal, then say what happened."""
    store = _store(args)
    bar = None if args.quiet else _bar(args.command)
    report = run(store, bar.update if bar else None)
    if bar:
        bar.close()
    print(summary_line(report))
    for name, reason in report.refused:
        _err(f"refused {safe_line(name)}: {reason}")
    if not args.quiet:
        _print_duplicates(report.duplicates)
        for name, warning in report.warnings[:20]:
            _err(f"warning: {safe_line(name)}: {warning}")
        if len(report.warnings) > 20:
            _err(f"warning: ... and {len(report.warnings) - 20} more warnings")
    return EXIT_PARTIAL if report.refused else EXIT_OK


SHOW_DUPLICATES = 5  # duplicates named one by one after an ingest


def _print_duplicates(duplicates: list[tuple[str, str]]) -> None:
    for name, original in duplicates[:SHOW_DUPLICATES]:
        _err(f"duplicate: {safe_line(name)} has the same text as {safe_line(original)} (not stored twice)")
    if len(duplicates) > SHOW_DUPLICATES:
        _err(f"duplicate: ... and {len(duplicates) - SHOW_DUPLICATES} more")


def cmd_extract(args) -> int:
    from ..ingest import Refused, expand, read_article, read_bytes

    items, errors = expand(args.paths)
    out = []
    refused = list(errors)
    for item in items:
        try:
            article = read_article(item.name, read_bytes(item))
        except Refused as exc:
            refused.append((item.name, str(exc)))
            continue
        out.append(extract_row(item.name, article))
    for name, reason in refused:
        _err(f"refused {safe_line(name)}: {reason}")
    if args.json:
        _print_json(out)
    else:
        from .show import print_extract

        print_extract(out)
    return EXIT_PARTIAL if refused else EXIT_OK


def cmd_list(args) -> int:
    store = _store(args)
    progress = store.progress()
    read = store.read_ids()
    rows = []
    for s in store.summaries():
        row = list_row(s, progress.get(s.id, Progress()), s.id in read)
        if args.untagged and row["tagged"] >= row["claims"]:
            continue
        rows.append(row)
    if args.json:
        _print_json(rows)
    else:
        from .show import print_list

        print_list(rows)
    return EXIT_OK


def cmd_show(args) -> int:
    store = _store(args)
    summary = store.find_article(args.article)
    article = store.article(summary.id)
    from .show import print_article

    notes = store.annotations(article.id)
    print_article(as_seen(article, notes), notes, plain=args.plain)  # your corrections, as in claims
    return EXIT_OK


def cmd_claims(args) -> int:
    store = _store(args)
    asked = None
    if args.where is not None:
        from .where import matcher

        asked = matcher(args.where, store)
    ids = [store.find_article(args.article).id] if args.article else [
        s.id for s in store.summaries()
    ]
    rows = []
    titles = {}  # each article's headline, for the text output's headers
    for aid in ids:
        notes = store.annotations(aid)
        article = store.article(aid)
        titles[aid] = article.title
        for c in claim_order(as_seen(article, notes).claims):
            a = notes.get(c.id)
            if _wanted(args, a) and (asked is None or asked(article, c, a)):
                rows.append(claim_row(aid, c, a))
    if args.json:
        _print_json(rows)
    else:
        from .show import print_claims

        print_claims(rows, titles)
    return EXIT_OK


def _wanted(args, a: Annotation | None) -> bool:
    """Whether `claims --untagged` or `--tag TAG` lists a claim, by its state as everyone shows it
    (states.py): a claim marked not a claim is done, and has no tag to match."""
    state = claim_state(a)
    if args.untagged:
        return not state.done
    return not args.tag or state.key == args.tag


TAG_OPTIONS = ("tag", "note", "speaker", "not_a_claim")  # the `tag` command's options, by field


def cmd_tag(args) -> int:
    changes = {f: getattr(args, f) for f in TAG_OPTIONS if getattr(args, f) is not None}
    if not changes:
        raise UsageError("tag: give a tag (stated, denied, unknown, none), --note, --speaker or --not-a-claim")
    if changes.get("tag") == "none":
        changes["tag"] = None
    store = _store(args)
    article, claim = store.find_claim(args.claim)
    applied = store.change(article.id, claim, changes)
    result = applied.after
    state = "cleared" if result is None else claim_state(result).text + (f", note: {safe_line(result.note, 80)}" if result.note else "")
    if claim_state(applied.before) is NOT_A_CLAIM and claim_state(result) is not NOT_A_CLAIM:
        state += " (a claim again: no longer marked not a claim)"
    print(f"{claim.id}  {state}  — {safe_line(speaker_of(claim, result) or '?', 40)}: {safe_line(claim.text, 70)}")
    return EXIT_OK


def _bar(label: str):
    """A progress bar on stderr when it is a terminal, else None."""
    if sys.stderr is None or not sys.stderr.isatty():
        return None
    from .progress import Bar

    return Bar(sys.stderr, label=label)


def _tui(args) -> int:
    served = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")  # (a tab of `newsreader serve`: the page is its screen)
    if not served and not all(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout)):
        raise UsageError("the reader needs a terminal, and standard input or output is not one; "
                         "the commands (newsreader --help) work without one")
    store = _store(args)
    store.check()  # a damaged file is one line here, before the screen is taken over
    from ..tui.app import run

    return run(store)


def _later(name: str):
    """A command of exchange.py, imported when it runs (start-up never waits for it)."""
    def run(args) -> int:
        from . import exchange

        return getattr(exchange, name)(args)
    return run


COMMANDS = {
    "ingest": cmd_ingest,
    "reindex": cmd_reindex,
    "extract": cmd_extract,
    "list": cmd_list,
    "show": cmd_show,
    "claims": cmd_claims,
    "tag": cmd_tag,
    "export": _later("cmd_export"),
    "import": _later("cmd_import"),
    "agree": _later("cmd_agree"),
    "serve": _later("cmd_serve"),
    "stats": _later("cmd_stats"),
}


if __name__ == "__main__":
    sys.exit(main())
