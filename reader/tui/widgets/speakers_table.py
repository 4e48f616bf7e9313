"""Every speaker across the store, a row each: the name (and how many other names were merged
into it), claims, the tags' share as a bar, the role most seen, first and last seen, outlets."""

from __future__ import annotations

from ...roster import Speaker
from ...stats_text import share_bar
from .virtual_table import VirtualTable


class SpeakersTable(VirtualTable):
    right_aligned = frozenset({"claims"})

    def columns(self, width: int) -> list[tuple[str, str, int]]:
        cols = [("name", "Speaker", 28), ("claims", "Claims", 6), ("tags", "Tags", 20)]
        if width >= 90:
            cols += [("first", "First", 10), ("last", "Last", 10)]
        used = sum(w + 1 for _, _, w in cols)
        rest = max(width - used - 1, 10)
        return [*cols, ("role", "Role", rest // 2), ("outlets", "Outlets", rest - rest // 2 - 1)]

    def cells(self, s: Speaker, index: int) -> dict[str, str]:
        name = s.name + (f" (+{len(s.aliases)})" if s.aliases else "")
        return {
            "name": name, "claims": f"{s.claims:,}", "tags": share_bar(dict(s.tags), 20),
            "first": s.first.isoformat() if s.first else "", "last": s.last.isoformat() if s.last else "",
            "role": s.roles.most_common(1)[0][0] if s.roles else "",
            "outlets": ", ".join(o for o, _ in s.outlets.most_common(3)),
        }
