"""The measures of agreement, checked against published worked examples and against the
`krippendorff` package (the reference implementation of alpha)."""

import random

import krippendorff
import numpy as np
import pytest

from reader.agreement import cohen_kappa, confusion, krippendorff_alpha

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
# twelve units, missing values; nominal alpha = 0.743.
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
}


def units(table: dict[str, list]) -> dict[str, dict[str, str]]:
    n = len(next(iter(table.values())))
    return {str(u): {who: str(said[u]) for who, said in table.items() if said[u] is not None} for u in range(n)}


def reference(table: dict[str, list]) -> float:
    data = np.array([[np.nan if v is None else v for v in said] for said in table.values()], dtype=float)
    return krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")


def test_alpha_gives_krippendorffs_own_worked_example():
    alpha = krippendorff_alpha(units(KRIPPENDORFF_2011))
    assert round(alpha.value, 3) == 0.743 and alpha.items == 11  # unit 12 has one value: not pairable
    assert alpha.value == pytest.approx(reference(KRIPPENDORFF_2011), abs=1e-12)


def test_kappa_gives_the_textbook_example():
    # 50 proposals read by two readers: 20 both yes, 15 both no, 5 yes/no, 10 no/yes;
    # observed agreement 0.7, expected 0.5, kappa 0.4.
    pairs = [("yes", "yes")] * 20 + [("yes", "no")] * 5 + [("no", "yes")] * 10 + [("no", "no")] * 15
    kappa = cohen_kappa(pairs)
    assert kappa.value == pytest.approx(0.4) and kappa.items == 50


def test_kappa_of_two_annotators_equals_alpha_nearly_and_both_are_one_when_they_agree():
    same = {str(u): {"a": t, "b": t} for u, t in enumerate(["stated", "denied", "unknown", "stated"])}
    assert krippendorff_alpha(same).value == pytest.approx(1.0)
    assert cohen_kappa([(v["a"], v["b"]) for v in same.values()]).value == pytest.approx(1.0)


@pytest.mark.parametrize("seed", range(6))
def test_alpha_equals_the_reference_implementation_on_random_tags(seed):
    rng = random.Random(seed)
    table = {who: [rng.choice([1, 2, 3, None]) if rng.random() < 0.9 else None for _ in range(60)]
             for who in ("alice", "bob", "carol")[: 2 + seed % 2]}
    assert krippendorff_alpha(units(table)).value == pytest.approx(reference(table), abs=1e-9)


def test_nothing_to_measure_is_said_so_not_a_number():
    assert krippendorff_alpha({}).value is None
    assert krippendorff_alpha({"1": {"a": "stated", "b": "stated"}}).value is None  # one value throughout
    assert cohen_kappa([]).value is None and cohen_kappa([("x", "x")] * 3).value is None


def test_confusion_counts_what_each_said_against_the_other():
    judged = {"1": {"a": "stated", "b": "denied"}, "2": {"a": "stated", "b": "stated"}, "3": {"a": "unknown"}}
    assert confusion(judged, "a", "b") == {("stated", "denied"): 1, ("stated", "stated"): 1}
