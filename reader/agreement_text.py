"""`newsreader agree` as text: the figures of agreement_report.Report in a few tables."""

from __future__ import annotations

from .agreement import Figure
from .agreement_report import TAG_ORDER, Measured, Report
from .text import safe_line

TITLES = {"tag": "The tag (stated / denied / unknown)", "claim": "Whether it is a claim"}
SHOWN_GROUPS = 10


def figure(f: Figure, what: str = "claims") -> str:
    value = "   n/a" if f.value is None else f"{f.value:6.3f}"
    words = what.replace("claims", "claim", 1) if f.items == 1 else what
    return f"{value}  ({f.items:,} {words})"


def confusion_table(pair, values: list[str]) -> list[str]:
    width = max(8, *(len(v) for v in values)) + 1
    lines = [f"      {pair.a} (rows) against {pair.b} (columns)", "      " + " " * width + "".join(f"{v:>{width}}" for v in values)]
    for x in values:
        lines.append("      " + f"{x:<{width}}" + "".join(f"{pair.confusion.get(f'{x}/{y}', 0):>{width}}" for y in values))
    return lines


def question(name: str, m: Measured) -> list[str]:
    lines = [TITLES[name], f"  Krippendorff's alpha (nominal) {figure(m.alpha, 'claims judged by two or more')}"]
    for pair in m.pairs:
        lines.append(f"  {safe_line(pair.a, 30)} and {safe_line(pair.b, 30)}: Cohen's kappa {figure(pair.kappa)}")
        seen = {v for key in pair.confusion for v in key.split("/")}
        lines.extend(confusion_table(pair, [v for v in TAG_ORDER if v in seen]))
    return lines


def agreement_text(r: Report) -> str:
    if len(r.annotators) < 2:
        return "Agreement needs two annotators of the same claims: no claim has been annotated by two."
    lines = [f"Agreement of {len(r.annotators)} annotators ({', '.join(safe_line(a, 30) for a in r.annotators)}) "
             f"on {r.units:,} claims annotated by two or more", ""]
    for name, m in r.questions.items():
        lines += [*question(name, m), ""]
    for by, groups in r.by.items():
        lines.append(f"The tag's alpha by {by} ({min(len(groups), SHOWN_GROUPS)} of {len(groups)}, most claims first)")
        lines += [f"  {safe_line(g.label, 50):<50} {figure(g.alpha)}" for g in groups[:SHOWN_GROUPS]]
        lines.append("")
    lines.append(f"Disagreements: {len(r.disagreements)}")
    for d in r.disagreements:
        said = " · ".join(f"{safe_line(name, 20)}: {_said(a)}" for name, a in d["annotations"].items())
        if d["final"]:
            said += f" → final: {_said({**d['final'], 'note': ''})} (settled by {safe_line(d['final']['settled_by'] or '?', 20)})"
        lines.append(f"  {d['article'][:10]}/{d['claim'][:10]}  {safe_line(d['speaker'] or '?', 30)}: "
                     f"“{safe_line(d['text'], 60)}”  {said}")
    return "\n".join(lines) + "\n"


def _said(a: dict) -> str:
    judged = "not a claim" if a["not_a_claim"] else a["tag"] or "untagged"
    return f"{judged} ({safe_line(a['note'], 40)})" if a["note"] else judged
