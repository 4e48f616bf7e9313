"""`newsreader import`: annotations from files (newsreader JSON, W3C Web Annotation, JSONL, CSV, brat) into
the store, beside the annotations already there.

Each annotation keeps its annotator. The local user's own annotations are never changed by an
import; another annotator's row is replaced only by a later one of theirs (by its time). So the
same file imported twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..store import Store
from .placing import place
from .readers import MAX_BYTES, Incoming, Unreadable, read
from .standoff import read_brat

JUDGEMENT = ("tag", "note", "speaker", "not_a_claim", "span", "added", "orphaned", "claim_id", "settled_by")


@dataclass(slots=True)
class ImportReport:
    files: int = 0
    how: dict[str, int] = field(default_factory=dict)  # anchored, added claim, orphaned, unknown article
    verdicts: dict[str, int] = field(default_factory=dict)  # added, updated, unchanged, kept yours, kept newer
    refused: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    orphans: list[tuple[str, str]] = field(default_factory=list)  # (where, the words) not anchored
    unknown_articles: set[str] = field(default_factory=set)


def verdict_for(local: str) -> Callable[[dict | None, dict], str]:
    """Whether a row from a file goes in over the one on disk (see the module's note)."""
    def verdict(old: dict | None, new: dict) -> str:
        if old is None:
            return "added"
        if all(old.get(k) == new.get(k) for k in JUDGEMENT):
            return "unchanged"
        if new["annotator"] == local:
            return "kept yours"
        return "updated" if new.get("at", "") > old.get("at", "") else "kept newer"
    return verdict


def import_files(paths: Iterable[str], store: Store, annotator: str | None = None) -> ImportReport:
    """Import each file; `annotator` names who made the annotations that do not say."""
    report = ImportReport()
    rows: list[tuple[str, dict]] = []
    articles: dict[str, object] = {}
    for path in paths:
        report.files += 1
        try:
            records = list(_records(path))
        except Unreadable as exc:
            report.refused.append((path, str(exc)))
            continue
        except OSError as exc:
            report.refused.append((path, f"cannot read: {exc.strerror or exc}"))
            continue
        for rec in records:
            if isinstance(rec, tuple):
                report.refused.append(rec)
            else:
                _one(rec, store, annotator, articles, rows, report)
    report.verdicts = store.merge_rows(rows, verdict_for(store.annotator)) if rows else {}
    return report


def _records(path: str) -> list:
    """A file's records (a brat folder's, or an .ann file's, too)."""
    if Path(path).is_dir() or path.endswith(".ann"):
        return list(read_brat(Path(path)))
    if Path(path).stat().st_size > MAX_BYTES:  # (before reading it)
        raise Unreadable(f"too large for an annotation file (over {MAX_BYTES // 2**20} MB)")
    return list(read(path, Path(path).read_bytes()))


def _one(rec: Incoming, store: Store, annotator: str | None, articles: dict, rows: list, report: ImportReport) -> None:
    who = rec.annotator or annotator
    if not who:
        report.refused.append((rec.where, "it names no annotator (give one with --as NAME)"))
        return
    if not rec.article:
        report.refused.append((rec.where, "it names no article of newsreader's (urn:newsreader:article:ID)"))
        return
    if rec.article not in articles:
        articles[rec.article] = store.article(rec.article) if store.summary(rec.article) else None
    placed = place(rec, who, articles[rec.article], rec.article)
    report.how[placed.how] = report.how.get(placed.how, 0) + 1
    if placed.how == "unknown article":
        report.unknown_articles.add(rec.article)
    elif placed.how == "orphaned":
        report.orphans.append((rec.where, rec.quote.exact))
    rows.append((rec.article, placed.row))


def summary_line(report: ImportReport) -> str:
    """"2 files: 14 annotations, 12 anchored, 1 added claim, 1 orphaned, 0 for unknown articles;
    13 added, 0 updated, 1 unchanged, 0 kept; 1 refused"."""
    h, v = report.how, report.verdicts
    total = sum(h.values())
    kept = v.get("kept yours", 0) + v.get("kept newer", 0)
    return (f"{report.files} file{'s' * (report.files != 1)}: {total} annotation{'s' * (total != 1)}, "
            f"{h.get('anchored', 0)} anchored, {h.get('added claim', 0)} added claims, {h.get('orphaned', 0)} orphaned, "
            f"{h.get('unknown article', 0)} for {len(report.unknown_articles)} articles not in the store; "
            f"{v.get('added', 0)} new, {v.get('updated', 0)} updated, {v.get('unchanged', 0)} unchanged, "
            f"{kept} kept as they were; {len(report.refused)} refused")
