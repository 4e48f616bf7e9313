"""`newsreader stats` as text: the figures of stats.Stats, with bars drawn in block characters
(readable on any terminal, light or dark, at 80 columns)."""

from __future__ import annotations

from .stats import STATES, Stats
from .text import safe_line

BLOCKS = " ▁▂▃▄▅▆▇█"
LABELS = {"stated": "stated", "denied": "denied", "unknown": "unknown", "not_a_claim": "not a claim",
          "untagged": "untagged"}
MARKS = {"stated": "█", "denied": "▓", "unknown": "▒", "not_a_claim": "░", "untagged": "·"}
WIDTH = 40


def sparkline(values: list[int]) -> str:
    """One block a value, as high as it is against the largest."""
    top = max(values, default=0)
    return "".join(BLOCKS[round(v / top * (len(BLOCKS) - 1))] if top else BLOCKS[0] for v in values)


def share_bar(counts: dict[str, int], width: int = WIDTH) -> str:
    """The tag's share as one bar: █ stated, ▓ denied, ▒ unknown, ░ not a claim, · untagged."""
    total = sum(counts.values())
    if not total:
        return ""
    return "".join(MARKS[k] * round(counts.get(k, 0) / total * width) for k in STATES)


def stats_text(s: Stats) -> str:
    if not s.claims:
        return "No claims: nothing to count.\n"
    lines = [f"{s.claims:,} claims", "",
             "Tags  (█ stated  ▓ denied  ▒ unknown  ░ not a claim  · untagged)",
             f"  {share_bar(s.tags)}",
             "  " + "  ".join(f"{LABELS[k]} {s.tags[k]:,}" for k in STATES), ""]
    if s.weeks:
        weeks = list(s.weeks)
        lines += [f"Claims per week, {weeks[0]} to {weeks[-1]} ({sum(1 for n in s.weeks.values() if n)} weeks with claims; "
                  f"most {max(s.weeks.values()):,})",
                  f"  {sparkline(list(s.weeks.values()))}", ""]
    for title, groups in (("By speaker", s.by_speaker), ("By outlet", s.by_outlet)):
        lines.append(f"{title} (most claims first)")
        for name, counts in groups.items():
            lines.append(f"  {safe_line(name, 28):<28} {sum(counts.values()):>6,}  {share_bar(counts, 30)}")
        lines.append("")
    if s.progress:
        lines += [f"Your annotations per week, {min(s.progress)} to {max(s.progress)} ({sum(s.progress.values()):,} in all)",
                  f"  {sparkline(list(s.progress.values()))}  {', '.join(f'{w}: {n}' for w, n in list(s.progress.items())[-3:])}"]
    return "\n".join(lines).rstrip() + "\n"
