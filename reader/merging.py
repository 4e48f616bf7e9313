"""What an import changes in the store, kept beside the store's own module: annotation rows from
elsewhere merged in, and an article's claims replaced by others (gold attributions). Mixed into
Store: each change under its lock like any other."""

from __future__ import annotations

from collections.abc import Callable

from .ids import row_key
from .model import Article
from .storage import set_table
from .summary import IngestReport

SPEAKERS = "speakers"  # the table (in annotations-0.json) of each annotator's merges and splits of speakers


class Merging:
    def speaker_names(self, annotator: str | None = None) -> dict[str, str | None]:
        """One annotator's own merges of speakers (yours by default): a name's key to the name it
        is one person with, or None where they split it from the one it was merged into."""
        return self.every_speaker_name().get(annotator or self.annotator, {})

    def every_speaker_name(self) -> dict[str, dict[str, str | None]]:
        """Every annotator's merges and splits of speakers (speaker_names), by annotator."""
        self._refresh()
        out: dict[str, dict[str, str | None]] = {}
        for r in self._notes_db("0").storage.read().get(SPEAKERS, {}).values():
            out.setdefault(r["annotator"], {})[r["key"]] = r["into"]
        return out

    def speaker_names_seen(self, rows: list[dict] | None = None) -> set[str]:
        """Every speaker's name the store has: the extractor's and the annotators' own (in
        `rows`, the store's annotation rows, when they were read already)."""
        found = set(self.articles.speaker_names())
        found.update(d["speaker"] for d in (self.annotation_rows() if rows is None else rows) if d.get("speaker"))
        return found

    def name_speaker(self, name: str, into: str | None) -> None:
        """Say that `name` is the same person as `into` (None: not the one it was merged into);
        yours alone, like every annotation. Saying it is itself (into == name) forgets it."""
        key = " ".join(name.split()).casefold()
        with self._changing():
            db = self._notes_db("0")
            data = db.storage.read()
            table = data.get(SPEAKERS, {})
            row = row_key("speaker", key, self.annotator)
            if into is not None and " ".join(into.split()).casefold() == key:
                table.pop(row, None)
            else:
                table[row] = {"key": key, "name": name, "into": into, "annotator": self.annotator, "at": self._now()}
            set_table(data, SPEAKERS, table)
            self._save(db)

    def merge_rows(self, rows: list[tuple[str, dict]], verdict: Callable[[dict | None, dict], str]) -> dict[str, int]:
        """Annotation rows (article id, row) from elsewhere, each put in or left out as
        `verdict(row on disk or None, row)` says ("added" and "updated" put it in); each file
        read and written once, under the lock. Returns how many got each verdict."""
        counts: dict[str, int] = {}
        with self._changing():
            for shard in sorted({aid[:1] for aid, _ in rows}):
                db = self._notes_db(shard)
                data, changed = db.storage.read(), False
                for aid, row in (r for r in rows if r[0][:1] == shard):
                    table = data.get(f"a-{aid}", {})
                    key = row_key(row["claim_id"], row["annotator"])
                    said = verdict(table.get(key), row)
                    counts[said] = counts.get(said, 0) + 1
                    if said in ("added", "updated"):
                        table[key] = row
                        set_table(data, f"a-{aid}", table)
                        changed = True
                if changed:
                    self._save(db)
        return counts

    def replace_claims(self, article: Article) -> IngestReport:
        """Store the article with the claims it now has (gold ones, say) whatever its text;
        annotations follow their claims as on any ingest (moved to the most like, else orphaned)."""
        report = IngestReport()
        with self._changing():
            with self.articles.transaction() as db:
                old = db.summary(article.id)
                db.put(article, old.ingested if old else self._now())
            report.updated.append(article.path)
            self._follow_claims([article], report)
        return report
