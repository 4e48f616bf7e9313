"""Scoring who-said-what against gold attributions (brat standoff, as in PolNeAR).

The protocol is the one in ../shared/corpus/README.md ("How who-said-what is scored"):

1. every text is extracted as an ordinary plain-text article;
2. each predicted claim is placed in the file: its offsets if they index the file's text, else
   the first occurrence of its text after the previous claim's start, then anywhere;
3. direct quotes: gold = attributions whose content has quote marks (" “ ”); a predicted quote is
   correct when at least half of it lies inside the content of some gold attribution; a gold
   quoted attribution is found when a correct predicted quote overlaps its content;
   which predictions are quotes is decided by the gold's own test: a predicted claim is a quote
   when its span in the file (with the characters just around it, where a quote's own marks
   stand) holds one of " “ ”. So a reported claim that carries quoted words counts as a quote, as
   its gold does, and a quote set off by doubled apostrophes ('' '') counts as reported speech, as
   its gold does;
4. speakers: over found gold quotes whose source is not a pronoun, the predicted speaker is right
   when its content words (lower-cased, longer than two letters, not stop words) share a word with
   the gold source; the predicted speaker is the resolved name together with the words the text
   uses for the speaker at that claim (for "the prince said", "Alwaleed" and "the prince"), as the
   gold source is the words the text uses;
5. reported speech: gold = attributions without quote marks; a predicted reported claim is correct
   when at least half of it lies inside a gold content span; a gold one is found when a correct
   prediction covers at least half of its content.

Pure Python: no I/O beyond reading the gold folder.
"""

from __future__ import annotations

import multiprocessing
import random
import re
import resource
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .gold import (
    Gold,
    Placed,
    Prediction,
    _inside,
    place,
    read_gold,
)
from .model import Claim

PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his "
    "himself she her hers herself it its itself they them their theirs themselves".split()
)
STOP_WORDS = frozenset(
    (
        "the and for are but not you all any can had her was one our out his has have who its how "
        "man new now old see way may say she two did get him use that with they this from been "
        "were what when your said each which their will other about many then them these some "
        "would make like into time more very just than also only over such after most well where "
        "much both those there should could because while before under since between against "
        "during without again further here once off own same too why whom being does doing "
        "having into onto upon says told according mr mrs ms dr"
    ).split()
)



@dataclass
class Tally:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Errors:
    """What went wrong, for error analysis: (article, context) pairs."""

    missed_quotes: list[tuple[str, str]] = field(default_factory=list)
    false_quotes: list[tuple[str, str]] = field(default_factory=list)
    wrong_speakers: list[tuple[str, str]] = field(default_factory=list)
    missed_reported: list[tuple[str, str]] = field(default_factory=list)
    false_reported: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Verdicts:
    """How one group of predictions (a rule's, a confidence band's) fared. `span_right`: at least
    half inside some gold content. `judged`: those whose speaker can be checked (their span is
    wrong, or the gold they fall in names its source, or names it by the pronoun the prediction
    resolved: see Judged); `right`: span and speaker both right among them."""

    claims: int = 0
    span_right: int = 0
    judged: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.span_right / self.claims if self.claims else 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.judged if self.judged else 0.0


BANDS = ((0.0, "< 0.5"), (0.5, "0.5-0.8"), (0.8, "0.8-0.9"), (0.9, ">= 0.9"))


def band_of(confidence: float) -> str:
    return next(label for floor, label in reversed(BANDS) if confidence >= floor)


@dataclass
class Score:
    articles: int = 0
    runs: list[float] = field(default_factory=list)  # wall seconds of every run of the extraction
    cpu_seconds: float = 0.0  # processor time of the fastest run, all processes together
    quotes: Tally = field(default_factory=Tally)
    reported: Tally = field(default_factory=Tally)
    quotes_said: Tally = field(default_factory=Tally)  # kind taken at the extractor's word
    speakers_judged: int = 0
    speakers_right: int = 0
    errors: Errors = field(default_factory=Errors)
    rules: dict[str, Verdicts] = field(default_factory=dict)  # per rule that made the claims
    bands: dict[str, Verdicts] = field(default_factory=dict)  # per confidence band
    folds: list[Score] = field(default_factory=list)  # one score per fold, when asked for

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_judged if self.speakers_judged else 0.0

    @property
    def seconds(self) -> float:
        """Wall seconds of the fastest run."""
        return min(self.runs, default=0.0)

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def median_per_second(self) -> float:
        """Articles per second of the median run."""
        middle = sorted(self.runs)[len(self.runs) // 2] if self.runs else 0.0
        return self.articles / middle if middle else 0.0

    @property
    def per_cpu_second(self) -> float:
        """Articles per second of processor time: what one core does when nothing else runs (the
        wall-clock figure moves with the machine's other load)."""
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0


def _cpu_time() -> float:
    """Processor time of this process and of its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'’\-]*", text.lower()) if len(w) > 2 and w not in STOP_WORDS}


def is_pronoun(source: str) -> bool:
    words = re.findall(r"[a-z]+", source.lower())
    return not words or (len(words) == 1 and words[0] in PRONOUNS)


def names_someone(source: str) -> bool:
    """Does a gold source name its speaker? Not where it is a pronoun, nor where it holds no word
    a name could share ("who", "that", "said", "According to": relative pronouns and slips of the
    annotation, which no prediction could match)."""
    return not is_pronoun(source) and bool(content_words(source))


def _context(text: str, start: int, end: int, width: int = 80) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    snippet = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    return " ".join(snippet.split())


# -- scoring ------------------------------------------------------------------------------------


def _said_by(p: Placed) -> str:
    """The words a prediction gives for its speaker: the name and how the text names them."""
    return f"{p.speaker} {p.mention or ''}" if p.speaker else ""


def speaker_right(p: Placed, g: Gold) -> bool:
    said_by = _said_by(p)
    return bool(said_by) and bool(content_words(said_by) & content_words(g.source))


def _best_gold(p: Placed, gold: list[Gold]) -> Gold | None:
    """The gold attribution a prediction lies in (at least half of it), the most overlapped."""
    length = max(p.end - p.start, 1)
    best, best_overlap = None, 0
    for g in gold:
        overlap = _inside(p.start, p.end, g.content_spans)
        if overlap * 2 >= length and overlap > best_overlap:
            best, best_overlap = g, overlap
    return best


def _tally_kind(name: str, file_text: str, gold: list[Gold], predicted: list[Placed], kind: str,
                tally: Tally, score: Score | None, keep_errors: bool) -> None:
    """Precision and recall of one kind; with `score`, the speakers of found quotes and the errors."""
    golden = [g for g in gold if g.quoted == (kind == "quote")]
    tally.predicted += len(predicted)
    tally.gold += len(golden)
    correct = [p for p in predicted if _best_gold(p, gold) is not None]
    tally.correct += len(correct)
    if score is not None and keep_errors:
        errs = score.errors.false_quotes if kind == "quote" else score.errors.false_reported
        right = {id(p) for p in correct}
        wrong = [p for p in predicted if id(p) not in right]
        errs.extend((name, f"{p.speaker or '?'} | {_context(file_text, p.start, p.end)}") for p in wrong)
    for g in golden:
        _find(name, file_text, g, kind, correct, tally, score, keep_errors)


def _find(name: str, file_text: str, g: Gold, kind: str, correct: list[Placed], tally: Tally,
          score: Score | None, keep_errors: bool) -> None:
    """Is one gold attribution found? A quote is found by any overlap of a correct prediction,
    reported speech must be half covered."""
    total = sum(e - s for s, e in g.content_spans) or 1
    need = 1 if kind == "quote" else (total + 1) // 2
    hits = [(h, p) for p in correct if (h := _inside(p.start, p.end, g.content_spans)) >= need]
    if hits:
        tally.found += 1
        if score is not None and kind == "quote" and names_someone(g.source):
            _judge_speaker(name, file_text, g, max(hits, key=lambda t: t[0])[1], score, keep_errors)
    elif score is not None and keep_errors:
        s, e = g.content_spans[0][0], g.content_spans[-1][1]
        errs = score.errors.missed_quotes if kind == "quote" else score.errors.missed_reported
        errs.append((name, f"{g.source!r} | {_context(file_text, s, e, 60)}"))


def _judge_speaker(name: str, file_text: str, g: Gold, best: Placed, score: Score, keep_errors: bool) -> None:
    score.speakers_judged += 1
    if speaker_right(best, g):
        score.speakers_right += 1
    elif keep_errors:
        s, e = g.content_spans[0]
        score.errors.wrong_speakers.append(
            (name, f"gold {g.source!r}, predicted {best.speaker!r} ({best.rule}) | {_context(file_text, s, e, 60)}")
        )


class Judged(NamedTuple):
    """One prediction judged on its own: its span right (at least half inside some gold content);
    whether its speaker can be judged (its span is wrong, or that gold names its source, not by a
    pronoun); and right, span and speaker both."""

    placed: Placed
    span_right: bool
    judged: bool
    right: bool
    # Where the gold names its source by a pronoun, and the prediction names it by the same
    # pronoun, resolved to someone (how right the resolution is, the gold cannot say).
    same_pronoun: bool = False


def judge(gold: list[Gold], placed: list[Placed]) -> list[Judged]:
    """Every prediction but source lines (PolNeAR has none to judge them against), judged."""
    out = []
    for p in placed:
        if p.kind == "source":
            continue
        g = _best_gold(p, gold)
        judged = g is None or names_someone(g.source)
        same = (g is not None and not judged and bool(p.speaker) and bool(p.mention)
                and p.mention.strip().lower() == g.source.strip().lower())
        out.append(Judged(p, g is not None, judged, judged and g is not None and speaker_right(p, g), same))
    return out


def _verdicts(gold: list[Gold], placed: list[Placed], score: Score) -> None:
    """Every prediction judged on its own, per rule and per confidence band."""
    for j in judge(gold, placed):
        for group, key in ((score.rules, j.placed.rule or "?"), (score.bands, band_of(j.placed.confidence))):
            v = group.setdefault(key, Verdicts())
            v.claims += 1
            v.span_right += j.span_right
            v.judged += j.judged or j.same_pronoun
            v.right += j.right or j.same_pronoun


def score_article(name: str, file_text: str, gold: list[Gold], placed: list[Placed], score: Score, keep_errors: bool) -> None:
    for kind, tally in (("quote", score.quotes), ("reported", score.reported)):
        predicted = [p for p in placed if p.kind == kind]
        _tally_kind(name, file_text, gold, predicted, kind, tally, score, keep_errors)
    said_quotes = [p for p in placed if p.said == "quote"]
    _tally_kind(name, file_text, gold, said_quotes, "quote", score.quotes_said, None, False)
    _verdicts(gold, placed, score)


FOLD_SEED = 9  # fixed: the folds are the same in every run and every session


def assign_folds(articles: list[str], folds: int, seed: int = FOLD_SEED) -> dict[str, int]:
    """Which of `folds` folds each article falls in: the sorted names shuffled with a fixed seed,
    then dealt round-robin (fold sizes differ by one at most)."""
    names = sorted(articles)
    random.Random(seed).shuffle(names)
    return {name: i % folds for i, name in enumerate(names)}


def _extract_all(
    extract: Callable[[str, bytes], list], datas: list[tuple[str, bytes]], workers: int, setup: Callable[[], None] | None, fresh: bool
) -> tuple[list, float, float]:
    """(results, wall seconds, processor seconds) of one extraction of every article. With `fresh`
    (or several workers) it runs in newly forked processes, so that each run starts as cold as the
    first: nothing one run has cached helps the next."""
    t = time.perf_counter()
    cpu = _cpu_time()
    if fresh or (workers > 1 and len(datas) > workers):
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=setup) as pool:
            names, blobs = [d[0] for d in datas], [d[1] for d in datas]
            results = list(pool.map(extract, names, blobs, chunksize=max(1, len(datas) // (workers * 8))))
    else:
        results = [extract(name, data) for name, data in datas]
    return results, time.perf_counter() - t, _cpu_time() - cpu


def evaluate(
    folder: Path,
    extract: Callable[[str, bytes], list[Claim] | list[Prediction] | list[tuple]],
    keep_errors: bool = False,
    workers: int = 1,
    setup: Callable[[], None] | None = None,
    repeat: int = 1,
    folds: int = 0,
) -> Score:
    """Score `extract(name, bytes) -> claims` on a gold folder. With `workers` > 1 the extraction
    runs on that many processes (fork; `setup` runs first in each), and `seconds` is the wall time of
    the whole extraction. With `repeat` > 1 the extraction runs that many times, each in fresh
    processes, and `seconds` is the fastest run (all are in `runs`): a shared machine’s
    other load only ever slows a run down. With `folds` > 1 the articles are also scored fold by
    fold (`assign_folds`), each fold's score in `folds` of the whole."""
    items = read_gold(folder)
    datas = [(path.name, path.read_bytes()) for path, _ in items]
    runs = [_extract_all(extract, datas, workers, setup, fresh=repeat > 1) for _ in range(max(1, repeat))]
    results, _, cpu_seconds = min(runs, key=lambda run: run[1])
    score = Score(articles=len(datas), runs=[run[1] for run in runs], cpu_seconds=cpu_seconds)
    fold = assign_folds([path.stem for path, _ in items], folds) if folds > 1 else {}
    score.folds = [Score() for _ in range(folds if folds > 1 else 0)]
    for (text_path, gold), (_, data), found in zip(items, datas, results, strict=True):
        claims = [c if isinstance(c, Claim | Prediction) else Prediction._make(c) for c in found]
        file_text = data.decode("utf-8", errors="replace")
        placed = place(file_text, claims)
        score_article(text_path.stem, file_text, gold, placed, score, keep_errors)
        if fold:
            part = score.folds[fold[text_path.stem]]
            part.articles += 1
            score_article(text_path.stem, file_text, gold, placed, part, False)
    return score
