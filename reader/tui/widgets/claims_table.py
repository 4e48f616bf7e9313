"""Every claim of the store, a row each: date, outlet, speaker, kind, the claim, your tag, who
else annotated it, and how sure the extractor was."""

from __future__ import annotations

from ...claims_view import ClaimRow
from ...extract.calibration import doubtful as is_doubtful
from ...model import speaker_of
from ...rows import outlet_label
from ...states import claim_state
from .claim_table import KIND_SHORT, excerpt
from .virtual_table import VirtualTable


class ClaimsTable(VirtualTable):
    me = ""  # the viewer: the others are marked in "by"

    def columns(self, width: int) -> list[tuple[str, str, int]]:
        fixed = [("date", "Date", 10), ("tag", "", 1), ("kind", "Kind", 5), ("speaker", "Speaker", 18)]
        if width >= 100:
            fixed.insert(1, ("outlet", "Outlet", 16))
        tail = [("by", "Others", 8), ("conf", "Sure", 4)] if width >= 90 else []
        used = sum(w + 1 for _, _, w in fixed + tail)
        return [*fixed, ("claim", "Claim", max(width - used - 1, 10)), *tail]

    right_aligned = frozenset({"conf"})

    def cells(self, row: ClaimRow, index: int) -> dict[str, str]:
        note = row.note
        published = row.article.doc.published
        others = sorted(a for a in row.annotators if a != self.me)
        return {
            "date": published.date().isoformat() if published else "",
            "outlet": outlet_label(row.article.doc),
            "tag": claim_state(note).mark or ("!" if is_doubtful(row.claim, note) else ""),
            "kind": KIND_SHORT.get(row.claim.kind, row.claim.kind),
            "speaker": speaker_of(row.claim, note) or "?",
            "claim": excerpt(row.claim.text, 200) + (" ✎" if note and note.note else ""),
            "by": ", ".join(others) if len(others) < 3 else f"{others[0]} +{len(others) - 1}",
            "conf": f"{row.claim.confidence:.0%}",
        }

    def row_classes(self, row: ClaimRow, index: int) -> tuple[str, ...]:
        if claim_state(row.note).done:
            return ("table--dim",)
        return ("table--doubtful",) if is_doubtful(row.claim, row.note) else ()
