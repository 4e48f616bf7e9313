"""Speaker colours stay apart in the colours the terminal has (issue 10): for every theme the app
offers, in truecolor, 256 and 16 colours, the first speakers of an article get distinct terminal
colours that read on the background."""

from __future__ import annotations

from itertools import combinations
from types import SimpleNamespace

import pytest
from rich._palettes import STANDARD_PALETTE
from rich.color import ColorSystem
from textual.color import Color

from reader.tui.colours import ClaimStyles
from reader.tui.palette import (
    ANSI_INDEX,
    MIN_CONTRAST,
    MIN_DISTANCE,
    STANDARD_RGB,
    SYSTEMS,
    contrast,
    distance,
    speaker_palette,
)

TERMINALS = {  # colour system: the environment that gives it
    "truecolor": {"TERM": "xterm-256color", "COLORTERM": "truecolor"},
    "256": {"TERM": "xterm-256color", "COLORTERM": ""},
    "standard": {"TERM": "xterm", "COLORTERM": ""},
}
RICH = {"256": ColorSystem.EIGHT_BIT, "standard": ColorSystem.STANDARD}
APART = {"truecolor": 8, "256": 8}  # speakers that must differ; 16 colours: as many as readable


def themes(app_factory) -> dict:
    return dict(app_factory().available_themes)


def sent(colour, system: str):
    """What the terminal is sent for a Rich colour: an index, or the colour itself (truecolor)."""
    if colour.number is not None and colour.triplet is None:
        return colour.number  # a terminal colour already (an ANSI theme's)
    if system == "truecolor":
        return tuple(colour.triplet)
    return colour.downgrade(RICH[system]).number


def seen(colour: Color, system: str) -> Color:
    """The colour as the terminal shows it (for indexes: Rich's palettes)."""
    index = sent(colour.rich_color, system)
    if isinstance(index, tuple):
        return colour
    if index < 16:
        return Color(*STANDARD_RGB[index])
    r, g, b = colour.rich_color.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return Color(r, g, b)


def shown_background(theme, system: str) -> Color:
    background = Color.parse(theme.to_color_system().generate()["background"])
    if background.ansi is not None:  # the terminal's own: assume black or white
        return Color(*STANDARD_RGB[0 if theme.dark else 15])
    return seen(background, system)


def drawn(styles: ClaimStyles, speaker: int) -> tuple:
    """The styles of a speaker's quote, reported speech, source, label and legend mark."""
    return (styles.claim("quote", speaker, False), styles.claim("reported", speaker, False),
            styles.claim("source", speaker, False), styles.label(speaker, False), styles.legend(speaker))


def test_the_sixteen_colours_are_rich_s():
    assert [tuple(c) for c in STANDARD_PALETTE._colors] == list(STANDARD_RGB)


@pytest.mark.parametrize("system", SYSTEMS)
def test_the_first_speakers_get_distinct_readable_colours(app_factory, system):
    for name, theme in themes(app_factory).items():
        palette = speaker_palette(theme, system)
        background = shown_background(theme, system)
        k = APART.get(system, len(palette.colours)) if not palette.flat else len(palette.colours)
        first = palette.colours[:k]
        assert len(first) == k >= 3, f"{name} in {system}: only {len(first)} colours"
        assert len({sent(c.rich_color, system) for c in first}) == k, f"{name} in {system}: two speakers share a colour"
        shown = [seen(c, system) for c in first]
        for colour in shown:
            assert contrast(colour, background) >= MIN_CONTRAST, f"{name} in {system}: {colour.hex} on {background.hex}"
        for a, b in combinations(shown, 2):
            assert distance(a, b) >= MIN_DISTANCE, f"{name} in {system}: {a.hex} and {b.hex} look alike"


@pytest.mark.parametrize("system", SYSTEMS)
def test_in_sixteen_colours_every_readable_hue_is_used(app_factory, system):
    """A hue is left out of a 16-colour palette only when neither of its variants reads."""
    for name, theme in themes(app_factory).items():
        palette = speaker_palette(theme, system)
        if not palette.flat:
            continue
        used = {sent(c.rich_color, "standard") for c in palette.colours}
        for hue, index in ANSI_INDEX.items():
            if not used & {index, index + 8}:
                background = shown_background(theme, "standard")
                best = max(contrast(Color(*STANDARD_RGB[i]), background) for i in (index, index + 8))
                assert best < MIN_CONTRAST, f"{name} in {system}: {hue} reads but is not used"


@pytest.mark.parametrize("system", SYSTEMS)
def test_claim_styles_keep_speakers_apart_in_the_terminal_s_colours(app_factory, monkeypatch, system):
    """What the reader draws: quotes, reported speech, sources and labels of the first speakers
    come out in distinct terminal colours; past the palette a speaker is underlined."""
    for variable, value in TERMINALS[system].items():
        monkeypatch.setenv(variable, value)
    app = app_factory()
    assert app.console.color_system == system
    for name, theme in themes(app_factory).items():
        styles = ClaimStyles(SimpleNamespace(current_theme=theme, console=app.console))
        k = min(len(styles.colours), APART.get(system, 6))
        assert k >= 3, f"{name} in {system}: only {k} colours"
        for what in range(5):  # quote, reported, source, label, legend
            colours = [sent(drawn(styles, i)[what].color, system) for i in range(k)]
            assert len(set(colours)) == k, f"{name} in {system}: {colours}"
        again = len(styles.colours)
        assert styles.claim("quote", again, False).underline and not styles.claim("quote", 0, False).underline
        assert styles.claim("quote", again, False).color == styles.claim("quote", 0, False).color
