"""Claims in a headline: "Lynch: No outside influence on FBI probe", "Trump Says He Never
Pledged ...". Headlines are written in their own grammar (a colon for "said", a capitalised verb,
no full stops), so they get their own two rules, with speakers resolved against the article."""

from __future__ import annotations

import re

_LABELS = {"update", "updated", "breaking", "watch", "video", "exclusive", "live", "photos", "opinion",
           "analysis", "editorial", "read", "listen", "poll", "fact check", "the latest", "explainer"}
_COLON = re.compile(r"^(?P<who>[A-Z][^:“”\"]{1,60}?):\s+(?P<what>\S.{3,})$")
_SAYS = re.compile(
    r"^(?P<who>.{2,70}?)\s+(?P<cue>(?:[Ss]ays|[Ss]aid|[Cc]laims|[Tt]ells|[Ww]arns|[Ii]nsists|[Dd]enies|[Aa]dmits|"
    r"[Vv]ows|[Pp]redicts|[Ss]uggests|[Tt]hinks|[Bb]elieves|[Aa]rgues|[Ss]tates|[Aa]nnounces|[Cc]onfirms|"
    r"[Rr]eveals|[Ee]xplains|[Cc]alls [Ff]or|[Uu]rges|[Pp]ledges|[Pp]romises))(?:\s+[Tt]hat)?\s+(?P<what>\S.{3,})$"
)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_END = re.compile(r"\s+[–—-]\s+|[;:]\s|,\s+(?:then|and|but|as|while)\b")


def _first_cue(words: list[re.Match]) -> tuple[int, str, bool] | None:
    """(word index, cue form, two words) of the first attribution verb among words 2-7."""
    from .lexicon import CUES

    for n, m in enumerate(words[1:7], start=1):
        low = m.group().lower()
        two = f"{low} {words[n + 1].group().lower()}" if n + 1 < len(words) else ""
        cue = two if two in CUES else low if low in CUES else None
        if cue is not None and low not in ("is", "are", "was"):
            return n, cue, cue == two
    return None


def _verb_claim(text: str) -> tuple[str, int, int, str, str] | None:
    """Any attribution verb, whatever its case: "Conservative Icon Morton Blackwell Endorses Ted
    Cruz", "Rose Bowl skywriters blast Trump". The speaker is the words before it (one to six,
    starting with a capital), the claim what follows, to a dash, a semicolon or the end."""
    from .lexicon import CUES, HEADLINE_LEMMAS, NOT_A_STATEMENT, NOT_NAMES

    words = list(_WORD.finditer(text))
    found = _first_cue(words)
    if found is None:
        return None
    n, cue, two = found
    if CUES[cue] not in HEADLINE_LEMMAS:
        return None  # "Lib Dems highlight problem debt": a headline's verb of action, no statement
    who = text[: words[n].start()].strip(" ,:")
    if not who or who.split()[0] in NOT_NAMES or not who[0].isupper():
        return None
    start = words[n + 1].end() if two else words[n].end()  # "plays down | Varig rescue"
    while start < len(text) and text[start] == " ":
        start += 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    stop = _END.search(text, start)
    end = stop.start() if stop else len(text)
    if end - start < 3 or text[start:end].split()[0].lower() in NOT_A_STATEMENT:
        return None  # "MP attacked by muggers", "Labour accused of broken pledge": passives
    return who, start, end, cue, "headline-verb"


def headline_claims(title: str) -> list[tuple[str, int, int, str, str]]:
    """(speaker phrase, start, end, cue, rule) for the claim a headline makes, if any; offsets
    index the title. The speaker is resolved by the caller."""
    text = title.rstrip(" .!?")
    for pattern, rule in ((_COLON, "headline-colon"), (_SAYS, "headline-says")):
        m = pattern.match(text)
        if m is None:
            continue
        who = m.group("who").strip()
        if who.lower() in _LABELS or len(who.split()) > 8:
            continue
        start, end = m.start("what"), m.end("what")
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        if text[start] in "'‘\"“" and text[end - 1] in "'’\"”":
            start, end = start + 1, end - 1  # a quoted headline claim: the words inside the marks
        cue = ":" if rule == "headline-colon" else m.group("cue").lower()
        return [(who, start, end, cue, rule)]
    found = _verb_claim(text)
    return [found] if found else []
