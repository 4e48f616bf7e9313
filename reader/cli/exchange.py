"""The commands that move annotations in and out of the store, and the team's and the
researcher's figures: `export`, `import`, `agree`, `serve` and `stats`. Thin, like every command: the work is the core's (export,
imports, agreement_report) and textual-serve's."""

from __future__ import annotations

import sys
from pathlib import Path

import orjson

from .. import export as export_mod
from ..text import safe_line, terminal_safe_json
from .main import EXIT_OK, EXIT_PARTIAL, UsageError, _bar, _err, _stdout, _store


def cmd_export(args) -> int:
    store = _store(args)
    to_file = bool(args.output and args.output != "-")
    form = export_mod.FORMATS[args.format]
    if to_file:
        export_mod.check_target(Path(args.output), store, folder=form.folder)  # before the work, not after it
    elif form.folder and sys.stdout is not None and sys.stdout.isatty():
        raise UsageError(f"{form.name} is a folder of files: give -o FOLDER, or send the tar archive "
                         "it becomes to a program (| tar x), not to the terminal")
    bar = _bar("export")
    made = export_mod.export(store, args.format, export_mod.Options(
        bodies=args.bodies, tagged_only=args.tagged_only, progress=bar.update if bar else None))
    if bar:
        bar.close()
    if not to_file:
        _stdout().write(export_mod.as_stream(made))
        return EXIT_OK
    path = Path(args.output)
    export_mod.write(made, path, store)
    c = made.counts
    held = (f"{c['statements']} statements ({c['claims']} claims with the quotes inside them)" if "statements" in c
            else f"{c['claims']} claims")
    _err(f"exported {c['articles']} articles, {held}, {c['annotations']} annotations to {path}", prefix="")
    return EXIT_OK


def cmd_agree(args) -> int:
    from ..agreement_report import report

    names = {n.strip() for n in args.annotators.split(",") if n.strip()} if args.annotators else None
    r = report(_store(args), names)
    if args.json:
        _stdout().write(terminal_safe_json(orjson.dumps(r.to_dict(), option=orjson.OPT_INDENT_2)) + b"\n")
    else:
        from ..agreement_text import agreement_text

        _stdout().write(agreement_text(r).encode())
    return EXIT_OK


def cmd_serve(args) -> int:
    from ..tui.serve import make_server

    store = _store(args)
    store.check()  # a damaged file is one line here, not in every tab
    server = make_server(store.folder.resolve(), args.host, args.port, args.annotator, args.annotator_from_url,
                         args.public_url)
    server.serve()
    return EXIT_OK


def cmd_import(args) -> int:
    if args.gold:
        return _import_gold(args)
    from ..imports import import_files
    from ..imports import summary_line as import_line

    report = import_files(args.paths, _store(args), args.as_annotator)
    print(import_line(report))
    _listed("refused", report.refused)
    if not args.quiet:
        _listed("orphaned (kept, not attached: its words are not in the article)", report.orphans)
    return EXIT_PARTIAL if report.refused else EXIT_OK


def _import_gold(args) -> int:
    from ..imports.gold import import_gold

    report = import_gold(args.paths, _store(args))
    line = f"gold: {report.articles} articles, {report.claims} claims in place of the extractor's; {len(report.refused)} refused"
    if report.reanchored or report.orphaned:
        line += f"; {report.reanchored} annotations moved to a gold claim, {report.orphaned} kept without their claim"
    print(line)
    _listed("refused", report.refused)
    return EXIT_PARTIAL if report.refused else EXIT_OK


def _listed(what: str, pairs: list[tuple[str, str]], most: int = 20) -> None:
    for where, why in pairs[:most]:
        _err(f"{what} {safe_line(where)}: {safe_line(why, 120)}")
    if len(pairs) > most:
        _err(f"... and {len(pairs) - most} more {what.split()[0]}")


def cmd_stats(args) -> int:
    from ..query import EVERYTHING
    from ..stats import stats
    from .where import query

    s = stats(_store(args), query(args.where) if args.where is not None else EVERYTHING)
    if args.json:
        _stdout().write(terminal_safe_json(orjson.dumps(s.to_dict(), option=orjson.OPT_INDENT_2)) + b"\n")
    else:
        from ..stats_text import stats_text

        _stdout().write(stats_text(s).encode())
    return EXIT_OK
