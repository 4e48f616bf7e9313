"""How far annotators agree, as the measures of content analysis define it: Cohen's kappa for a
pair, Krippendorff's alpha (nominal) for any number of annotators with missing judgements.

Pure arithmetic over units: a unit is one thing judged (a claim), its values what each
annotator said of it ({annotator: value}). Nothing here knows about the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations, permutations

Units = Mapping[str, Mapping[str, str]]  # unit -> annotator -> value


@dataclass(frozen=True, slots=True)
class Figure:
    """A measure and what it rests on: `items` units (pairable ones, for alpha), `value` None
    when it cannot be computed (no units, or no variation to measure agreement against)."""

    value: float | None
    items: int


def cohen_kappa(pairs: Iterable[tuple[str, str]]) -> Figure:
    """Cohen's kappa over the units two annotators both judged, given as (theirs, the other's):
    (observed - expected agreement) / (1 - expected), expected from each one's own proportions."""
    pairs = list(pairs)
    n = len(pairs)
    if not n:
        return Figure(None, 0)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[v] * second[v] for v in first) / (n * n)
    if expected == 1:
        return Figure(None, n)  # both gave one value throughout: nothing to measure against
    return Figure((observed - expected) / (1 - expected), n)


def coincidences(units: Units) -> Counter:
    """Krippendorff's coincidence matrix: for each unit with m >= 2 values, each ordered pair of
    values from different annotators counts 1/(m - 1)."""
    o: Counter = Counter()
    for values in units.values():
        said = list(values.values())
        m = len(said)
        if m < 2:
            continue
        for i, j in permutations(range(m), 2):
            o[said[i], said[j]] += 1 / (m - 1)
    return o


def krippendorff_alpha(units: Units) -> Figure:
    """Krippendorff's alpha, nominal: 1 - observed / expected disagreement, over the units two or
    more annotators judged (missing judgements allowed)."""
    o = coincidences(units)
    pairable = sum(1 for v in units.values() if len(v) >= 2)
    totals: Counter = Counter()
    for (c, _), count in o.items():
        totals[c] += count
    n = sum(totals.values())
    if n <= 1:
        return Figure(None, pairable)
    observed = sum(count for (c, k), count in o.items() if c != k)
    expected = sum(totals[c] * totals[k] for c, k in permutations(totals, 2)) / (n - 1)
    if expected == 0:
        return Figure(None, pairable)  # one value throughout
    return Figure(1 - observed / expected, pairable)


def pair_units(units: Units, a: str, b: str) -> list[tuple[str, str]]:
    """(a's value, b's value) of each unit both judged."""
    return [(v[a], v[b]) for v in units.values() if a in v and b in v]


def confusion(units: Units, a: str, b: str) -> dict[tuple[str, str], int]:
    """How often a said one value where b said another, over the units both judged."""
    return dict(Counter(pair_units(units, a, b)))


def pairs_of(units: Units) -> list[tuple[str, str]]:
    """Every pair of annotators who judged something, in name order."""
    names = sorted({name for v in units.values() for name in v})
    return list(combinations(names, 2))
