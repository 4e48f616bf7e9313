"""Speaker colours and claim styles, taken from the current theme so they read well in light and
dark themes alike."""

from __future__ import annotations

from rich.style import Style
from textual.app import App
from textual.color import Color


def speaker_colours(app: App) -> list[Color]:
    theme = app.current_theme
    # Far-apart hues first: the first speakers of an article get the most distinct colours.
    names = [theme.primary, theme.warning, theme.success, theme.error, theme.accent, theme.secondary]
    base: list[Color] = []
    for name in names:
        if name:
            colour = Color.parse(name)
            if colour not in base:
                base.append(colour)
    shade = (lambda c: c.darken(0.2)) if theme.dark is False else (lambda c: c.lighten(0.2))
    return base + [shade(c) for c in base]


class ClaimStyles:
    """Rich styles for one article's pieces, indexed by speaker."""

    def __init__(self, app: App) -> None:
        theme = app.current_theme
        self.background = Color.parse(theme.background or ("#ffffff" if not theme.dark else "#000000"))
        self.foreground = Color.parse(theme.foreground or ("#000000" if not theme.dark else "#e0e0e0"))
        self.colours = speaker_colours(app)
        self.muted = self.background.blend(self.foreground, 0.6)
        self._cache: dict[tuple, Style] = {}

    def colour(self, speaker_index: int | None) -> Color:
        if speaker_index is None:
            return self.muted
        return self.colours[speaker_index % len(self.colours)]

    def claim(self, kind: str, speaker_index: int | None, current: bool) -> Style:
        key = (kind, speaker_index, current)
        style = self._cache.get(key)
        if style is None:
            c = self.colour(speaker_index)
            if kind == "quote":
                style = Style(color=c.rich_color, bold=True, bgcolor=self.background.blend(c, 0.12).rich_color)
            elif kind == "reported":
                style = Style(color=self.foreground.blend(c, 0.7).rich_color, underline=True)
            else:  # a source
                style = Style(color=c.rich_color, italic=True)
            if current:
                style += Style(bgcolor=self.background.blend(c, 0.38).rich_color, color=self.foreground.rich_color, bold=True)
            self._cache[key] = style
        return style

    def label(self, speaker_index: int | None, current: bool) -> Style:
        c = self.colour(speaker_index)
        return Style(color=self.background.blend(c, 0.85).rich_color, bold=current, italic=not current)

    @property
    def editorial(self) -> Style:
        return Style(color=self.muted.rich_color, italic=True)
