"""The command line's options and sub-commands (what `newsreader --help` says)."""

from __future__ import annotations

import argparse

from .. import export as export_mod
from ..model import TAGS


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsreader",
        description="Read news articles with every quote and its speaker highlighted; tag each "
        "claim stated, denied or unknown. With no command, opens the reader.",
    )
    p.add_argument("--store", metavar="DIR", help="store folder (default: $NEWSREADER_STORE or ./annotations)")
    p.add_argument("--annotator", metavar="NAME", help="name recorded with your annotations (default: "
                   "$NEWSREADER_ANNOTATOR, else your user name)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("ingest", help="add articles (files, folders, - for stdin) to the store")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no warnings")

    s = sub.add_parser("reindex", help="read article files again (all the store's, or PATHs): rebuilds the article database")
    s.add_argument("paths", nargs="*", metavar="PATH")
    s.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no warnings")

    s = sub.add_parser("extract", help="parse articles and find claims without touching the store")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--json", action="store_true", help="print one JSON array (the stable contract)")

    s = sub.add_parser("list", help="list the stored articles, newest first")
    s.add_argument("--untagged", action="store_true", help="only articles with untagged claims")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("show", help="print an article with its quotes and speakers highlighted")
    s.add_argument("article", metavar="ARTICLE", help="article id or unique prefix")
    s.add_argument("--plain", action="store_true", help="no colours even on a terminal")

    s = sub.add_parser("claims", help="list claims, of one article or of all")
    s.add_argument("article", nargs="?", metavar="ARTICLE")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--untagged", action="store_true")
    g.add_argument("--tag", choices=TAGS)
    s.add_argument("--where", metavar="QUERY", help="only the claims the query asks for (see the README's "
                   "\"Queries\": words, \"phrases\", speaker:, kind:, tag:, is:, conf:<0.6, after:, OR, ...)")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("tag", help="tag a claim stated, denied or unknown (none clears the tag)")
    s.add_argument("claim", metavar="CLAIM", help="claim id or unique prefix")
    s.add_argument("tag", choices=[*TAGS, "none"], nargs="?")
    s.add_argument("--note", help="set the note ('' clears it)")
    s.add_argument("--speaker", help="correct the speaker ('' restores the extracted one)")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--not-a-claim", dest="not_a_claim", action="store_const", const=True, help="mark as not a claim")
    g.add_argument("--is-a-claim", dest="not_a_claim", action="store_const", const=False, help="undo --not-a-claim")

    s = sub.add_parser("export", help="export articles, claims and annotations (JSON, W3C Web Annotation, JSONL, CSV, brat)")
    s.add_argument("-o", "--output", metavar="FILE", help="write to FILE, a new file or a regular one (brat: a new "
                   "folder or an earlier export's); default, or -: standard output (brat: a tar archive)")
    s.add_argument("--format", choices=sorted(export_mod.FORMATS), default="json",
                   help="; ".join(f"{f.name}: {f.about}" for f in export_mod.FORMATS.values()))
    s.add_argument("--bodies", action="store_true", help="include article bodies (json; the other formats carry the text)")
    s.add_argument("--tagged-only", action="store_true", help="only articles with annotations")

    s = sub.add_parser("agree", help="how far the annotators agree: Krippendorff's alpha, Cohen's kappa, disagreements")
    s.add_argument("--annotators", metavar="A,B", help="only these annotators (default: everyone)")
    s.add_argument("--json", action="store_true", help="the figures as JSON, for scripts")

    s = sub.add_parser("stats", help="figures of the claims: tags, per week, per speaker and outlet, your progress")
    s.add_argument("--where", metavar="QUERY", help="only the claims the query asks for (see \"Queries\")")
    s.add_argument("--json", action="store_true", help="the figures as JSON, for scripts")

    s = sub.add_parser("serve", help="the app in a browser (textual-serve): each tab its own app on this store")
    s.add_argument("--host", default="localhost", help="where to listen (default: localhost only; see the README "
                   "before opening it to others: textual-serve has no passwords)")
    s.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    s.add_argument("--annotator-from-url", action="store_true",
                   help="a tab opened at /?annotator=NAME works as NAME (else every tab is --annotator or you)")
    s.add_argument("--public-url", metavar="URL", help="the address browsers reach it at, behind a reverse proxy "
                   "(https://news.example.org): the page's websocket goes there")

    s = sub.add_parser("import", help="import annotations (newsreader JSON, W3C Web Annotation, JSONL, CSV, a brat folder) beside yours")
    s.add_argument("paths", nargs="+", metavar="FILE")
    s.add_argument("--as", dest="as_annotator", metavar="NAME", help="the annotator of annotations that name none")
    s.add_argument("--gold", action="store_true", help="the files are gold attributions in brat standoff (Source, Cue, "
                   "Content, as in PolNeAR): they replace the extractor's claims of their articles")
    s.add_argument("-q", "--quiet", action="store_true", help="only the summary line and refusals")
    return p
