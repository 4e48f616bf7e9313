"""Claim styles in the speakers' colours, from the current theme and the terminal's colours (see
palette.py: in 256 and 16 colours the palette is picked so that speakers stay apart)."""

from __future__ import annotations

from rich.style import Style
from textual.app import App
from textual.color import Color

from .palette import Palette, speaker_palette, system_of


def palette_of(app: App) -> Palette:
    return speaker_palette(app.current_theme, system_of(app.console.color_system))


class ClaimStyles:
    """Rich styles for one article's pieces, indexed by speaker.

    In truecolor, reported speech and labels are the speaker's colour blended toward the text; in
    256 colours a blend could land on another speaker's colour, so they take the colour itself;
    in 16 colours (and ANSI themes) there are no tints either, and the current claim is reversed.
    Speakers beyond the palette's colours take them again, underlined.
    """

    def __init__(self, app: App) -> None:
        theme = app.current_theme
        palette = palette_of(app)
        variables = theme.to_color_system().generate()
        self.palette = palette
        self.background = Color.parse(variables["background"])
        self.foreground = Color.parse(variables["foreground"])
        self.colours = list(palette.colours) or [self.foreground]
        self.muted = self.background.blend(self.foreground, 0.6)
        self._cache: dict[tuple, Style] = {}

    def colour(self, speaker_index: int | None) -> Color:
        if speaker_index is None:
            return self.muted
        return self.colours[speaker_index % len(self.colours)]

    def again(self, speaker_index: int | None) -> Style:
        """What tells a speaker from the one that had its colour first: an underline."""
        if speaker_index is not None and speaker_index >= len(self.colours):
            return Style(underline=True)
        return Style()

    def claim(self, kind: str, speaker_index: int | None, current: bool) -> Style:
        key = (kind, speaker_index, current)
        style = self._cache.get(key)
        if style is None:
            c = self.colour(speaker_index)
            style = (self._flat(kind, c, current) if self.palette.flat else self._tinted(kind, c, current))
            style += self.again(speaker_index)
            self._cache[key] = style
        return style

    def _flat(self, kind: str, c: Color, current: bool) -> Style:
        style = Style(color=c.rich_color, bold=kind == "quote", underline=kind == "reported", italic=kind == "source")
        return style + Style(reverse=True, bold=True) if current else style

    def _tinted(self, kind: str, c: Color, current: bool) -> Style:
        if kind == "quote":
            style = Style(color=c.rich_color, bold=True, bgcolor=self.background.blend(c, 0.12).rich_color)
        elif kind == "reported":
            shade = self.foreground.blend(c, 0.7) if self.palette.blends else c
            style = Style(color=shade.rich_color, underline=True)
        else:  # a source
            style = Style(color=c.rich_color, italic=True)
        if current:
            style += Style(bgcolor=self.background.blend(c, 0.38).rich_color, color=self.foreground.rich_color, bold=True)
        return style

    def label(self, speaker_index: int | None, current: bool) -> Style:
        c = self.colour(speaker_index)
        if self.palette.blends:
            c = self.background.blend(c, 0.85)
        return Style(color=c.rich_color, bold=current, italic=not current) + self.again(speaker_index)

    def legend(self, speaker_index: int) -> Style:
        """The mark before a speaker's name in the list of speakers."""
        return Style(color=self.colour(speaker_index).rich_color, bold=True) + self.again(speaker_index)

    @property
    def editorial(self) -> Style:
        return Style(color=self.muted.rich_color, italic=True)
