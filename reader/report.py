"""What an ingest says it did, in words: the command line's summary line and the app's message
are both built here, so they count (and put in the singular) alike."""

from __future__ import annotations

from pathlib import Path

from .summary import IngestReport

NAMED_DUPLICATES = 2  # duplicates the app names, with the stored file each one copies


def plural(n: int, one: str, many: str | None = None) -> str:
    """"1 file", "2 files", "0 files"; `many` where adding an s is not the plural."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def counts(report: IngestReport) -> str:
    """"1 new, 0 updated, 0 unchanged" and, if there are any, "1 duplicate of a file already in
    the store"."""
    said = f"{len(report.new)} new, {len(report.updated)} updated, {len(report.unchanged)} unchanged"
    n = len(report.duplicates)
    if n:
        said += f", {plural(n, 'duplicate')} of {'a file' if n == 1 else 'files'} already in the store"
    return said


def summary_line(report: IngestReport) -> str:
    """The command line's one line: "2 files: 1 new, ..., 1 refused; 3 annotations re-attached"."""
    line = f"{plural(report.files, 'file')}: {counts(report)}, {len(report.refused)} refused"
    if report.reanchored:
        line += f"; {plural(report.reanchored, 'annotation')} re-attached"
    if report.orphaned:
        line += f"; {plural(report.orphaned, 'annotation')} kept without their claim"
    return line


def named_duplicates(duplicates: list[tuple[str, str]], most: int = NAMED_DUPLICATES) -> str:
    """The first duplicates by file name with the stored file each has the same text as:
    "copy.txt has the same text as 000.txt", "a.txt as x.txt" for the next, "and 3 more"."""
    named = [f"{Path(name).name} {'has the same text as' if i == 0 else 'as'} {Path(stored).name}"
             for i, (name, stored) in enumerate(duplicates[:most])]
    if len(duplicates) > most:
        named.append(f"and {len(duplicates) - most} more")
    return ", ".join(named)
