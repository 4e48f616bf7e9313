"""How a user's annotation of a claim changes: the fields a change may touch, their stored
values, and `apply_change`, the one place a change is worked out (for the store, the app's screen
and a replayed journal alike). Split from model.py, which holds the objects themselves."""

from __future__ import annotations

from dataclasses import dataclass

from .model import TAGS, Annotation, Claim

FIELDS = ("tag", "note", "speaker", "not_a_claim", "span", "added")  # what a user changes in an annotation
UNSET = object()  # a keyword argument not given


DEFAULTS = {"tag": None, "note": "", "speaker": None, "not_a_claim": False, "span": None, "added": None,
            "settled_by": None}  # never set


def values_of(annotation: Annotation | None, fields) -> dict:
    """The values some fields of an annotation hold (an absent annotation holds the defaults)."""
    return {f: getattr(annotation, f) if annotation is not None else DEFAULTS[f] for f in fields}


def normalised(field: str, value: object) -> object:
    """A field's value as stored: notes and speakers stripped (an empty speaker is no correction),
    tags checked. Raises ValueError for an unknown tag or field."""
    if field == "tag":
        if value is not None and value not in TAGS:
            raise ValueError(f"unknown tag '{value}': use one of {', '.join(TAGS)} or none")
        return value
    if field == "note":
        return str(value or "").strip()
    if field == "speaker":
        return str(value or "").strip() or None
    if field == "not_a_claim":
        return bool(value)
    if field in _CHECKS:
        return _CHECKS[field](value)
    raise ValueError(f"an annotation has no field '{field}'")


def _span(value: object) -> dict | None:
    """A corrected span: its start, end (code points of the body, end exclusive) and text."""
    if value is None:
        return None
    ok = (isinstance(value, dict) and type(value.get("start")) is int and type(value.get("end")) is int
          and isinstance(value.get("text"), str) and 0 <= value["start"] < value["end"]
          and len(value["text"]) == value["end"] - value["start"])
    if not ok:
        raise ValueError("a span is {start, end, text} with start < end and the text between them")
    return {"start": value["start"], "end": value["end"], "text": value["text"]}


def _added(value: object) -> str | None:
    if value is not None and value not in ("quote", "reported"):
        raise ValueError(f"an added claim is a quote or a reported statement, not '{value}'")
    return value


def _settled_by(value: object) -> str | None:
    return str(value).strip() or None if value else None


_CHECKS = {"span": _span, "added": _added, "settled_by": _settled_by}


def merged_notes(theirs: str, mine: str) -> str:
    """A note edited from a view that was out of date: both texts are kept."""
    if not theirs or theirs in mine:
        return mine
    if not mine or mine in theirs:
        return theirs
    return f"{theirs} · {mine}"


@dataclass(frozen=True, slots=True)
class Applied:
    """The outcome of a change: the annotation before and after it, and the fields that had been
    changed elsewhere since the user saw them (`conflicts`: left as they were, or for the note,
    merged)."""

    before: Annotation | None
    after: Annotation | None
    conflicts: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.before != self.after


def implied(changes: dict) -> dict:
    """A change with what it implies. Giving a claim a tag, or clearing it, makes it a claim
    again: a claim marked not a claim has no tag to show (states.state_of), so a tag changed on
    one would change out of sight. A change that says what not_a_claim is (an undo, `tag
    --not-a-claim`) keeps its word. The screen records these fields for undo, and apply_change
    applies them: one rule for both."""
    if "tag" in changes and "not_a_claim" not in changes:
        return {**changes, "not_a_claim": False}
    return changes


def apply_change(
    current: Annotation | None,
    claim: Claim,
    article_id: str,
    *,
    annotator: str,
    at: str,
    changes: dict,
    expect: dict | None = None,
) -> Applied:
    """One annotator's annotation of `claim` after a change of some of its FIELDS.

    The one place a change is worked out, for the store, the app and a replayed journal alike.
    Only the fields in `changes` are touched. `expect` gives, for some of them, the value the
    user saw: where the annotation now holds something else, somebody changed it meanwhile, and
    their work wins (a note keeps both texts). A tag makes the claim a claim again (see
    implied). Returns the annotation before and after (None once nothing is left in it: it is
    deleted)."""
    new = {f: normalised(f, v) for f, v in implied(changes).items()}
    a = Annotation(**current.to_dict()) if current else Annotation(
        claim_id=claim.id, article_id=article_id, text=claim.text, start=claim.start, end=claim.end,
        annotator=annotator,
    )
    conflicts = []
    for name, value in new.items():
        now = getattr(a, name)
        if expect and name in expect and now != normalised(name, expect[name]) and now != value:
            conflicts.append(name)
            if name != "note":
                continue
            value = merged_notes(now, value)
        setattr(a, name, value)
    if current is not None and a == current:
        return Applied(current, current, tuple(conflicts))
    a.text, a.start, a.end, a.within = claim.text, claim.start, claim.end, claim.within
    a.annotator, a.at = annotator, at
    return Applied(current, None if a.is_empty else a, tuple(conflicts))
