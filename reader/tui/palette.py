"""Speaker colours that stay apart in the colours the terminal really has.

Rich turns truecolor into the nearest of 256 or 16 colours when the terminal has no more, and two
speakers whose theme colours are neighbours then come out in one colour. So the palette is picked
per colour system:

- truecolor and 256 colours: the theme's own colours first, then a wheel of hues; each is made
  readable on the background, snapped to a colour the terminal has (256: the xterm cube), and
  kept only if it is clearly apart (CIE76 distance) from those already taken;
- 16 colours (and the ANSI themes, drawn in the terminal's own palette): one colour per hue (red,
  yellow, green, cyan, blue, magenta: the variant that reads best on the background, where one
  does). That is six speakers on a dark background, five on a light one (cyan is too pale on
  white). Speakers beyond the palette cycle through it again, underlined (see ClaimStyles).
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

from rich.color import ColorSystem
from textual.color import Color, rgb_to_lab
from textual.theme import Theme

MIN_CONTRAST = 3.0  # WCAG's floor for large text and interface parts
MIN_DISTANCE = 20.0  # CIE76 ΔE between two speakers: different at a glance
MOST = 12  # colours before speakers cycle

# Rich's 16 colours (rich._palettes.STANDARD_PALETTE): a truecolor colour becomes the nearest of
# these in a 16-colour terminal, so a colour taken from here becomes exactly its own index.
STANDARD_RGB: tuple[tuple[int, int, int], ...] = (
    (0, 0, 0), (170, 0, 0), (0, 170, 0), (170, 85, 0), (0, 0, 170), (170, 0, 170), (0, 170, 170),
    (170, 170, 170), (85, 85, 85), (255, 85, 85), (85, 255, 85), (255, 255, 85), (85, 85, 255),
    (255, 85, 255), (85, 255, 255), (255, 255, 255),
)
HUES = ("red", "yellow", "green", "cyan", "blue", "magenta")  # around the wheel, 60° apart
ANSI_INDEX = {"red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6}  # +8: bright
SPREAD = ("red", "green", "blue", "yellow", "magenta", "cyan")  # after the theme's: far apart first

SYSTEMS = ("truecolor", "256", "standard")


@dataclass(frozen=True)
class Palette:
    colours: tuple[Color, ...]
    background: Color  # as the terminal shows it (the measure of what reads)
    flat: bool  # 16 colours or an ANSI theme: no tints or blends, which would become other colours
    blends: bool  # truecolor: tints and blends are drawn as computed


def system_of(color_system: str | None) -> str:
    """Rich's name for the terminal's colours (`app.console.color_system`), as one of SYSTEMS."""
    return color_system if color_system in ("truecolor", "256") else "standard"


def speaker_palette(theme: Theme, system: str) -> Palette:
    """The speakers' colours for a theme in a terminal with `system` colours, in speaker order."""
    background = Color.parse(theme.to_color_system().generate()["background"])
    if theme.ansi or background.ansi is not None:
        # The terminal's own palette: its background is unknown, so assume black or white.
        background = Color(*STANDARD_RGB[0 if theme.dark else 15])
        return Palette(_sixteen(theme, background, ansi=True), background, flat=True, blends=False)
    if system == "standard":
        background = _snap(background, system)
        return Palette(_sixteen(theme, background, ansi=False), background, flat=True, blends=False)
    background = _snap(background, system)
    return Palette(_spread(theme, background, system), background, flat=False, blends=system == "truecolor")


# -- measures ---------------------------------------------------------------------------------
def luminance(colour: Color) -> float:
    """WCAG relative luminance."""

    def linear(v: int) -> float:
        v /= 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def distance(a: Color, b: Color) -> float:
    """CIE76 ΔE: about 2 is just noticeable, 20 clearly another colour."""
    la, lb = rgb_to_lab(a), rgb_to_lab(b)
    return ((la.L - lb.L) ** 2 + (la.a - lb.a) ** 2 + (la.b - lb.b) ** 2) ** 0.5


def terminal_colour(colour: Color, system: str) -> int | tuple[int, int, int]:
    """What the terminal is sent for `colour`: an index (256 or 16 colours) or the colour itself."""
    if colour.ansi is not None:
        return colour.ansi
    if system == "truecolor":
        return colour.rgb
    rich_system = ColorSystem.EIGHT_BIT if system == "256" else ColorSystem.STANDARD
    return colour.rich_color.downgrade(rich_system).number


# -- truecolor and 256 colours ------------------------------------------------------------------
def _snap(colour: Color, system: str) -> Color:
    """The colour the terminal will show for `colour`."""
    if system == "truecolor":
        return colour
    index = terminal_colour(colour, system)
    if system == "standard":
        return Color(*STANDARD_RGB[index])
    r, g, b = colour.rich_color.downgrade(ColorSystem.EIGHT_BIT).get_truecolor()
    return Color(r, g, b)


def _dark(background: Color) -> bool:
    """Does light text read better than dark on this background?"""
    return contrast(Color(255, 255, 255), background) > contrast(Color(0, 0, 0), background)


def _theme_colours(theme: Theme) -> list[Color]:
    names = [theme.primary, theme.warning, theme.success, theme.error, theme.accent, theme.secondary]
    return [Color.parse(name) for name in names if name]


def _wheel(dark: bool) -> list[Color]:
    """Twelve hues 30° apart, light on dark backgrounds and dark on light ones."""
    lightness = 0.68 if dark else 0.38
    return [Color(*(int(v * 255) for v in colorsys.hls_to_rgb(h / 12, lightness, 0.75))) for h in range(12)]


def _readable(colour: Color, background: Color, system: str) -> Color | None:
    """`colour`, lightened (on a dark background) or darkened until it reads on the background
    as the terminal shows it; None if it never does."""
    lighter = _dark(background)
    for _ in range(20):
        if contrast(_snap(colour, system), background) >= MIN_CONTRAST:
            return colour
        colour = colour.lighten(0.05) if lighter else colour.darken(0.05)
    return None


def _spread(theme: Theme, background: Color, system: str) -> tuple[Color, ...]:
    """Readable colours as the terminal shows them, each clearly apart from those before it.
    Greys are left out: they name no one (and Rich would turn a cube grey into another grey)."""
    taken: list[Color] = []
    for candidate in _theme_colours(theme) + _wheel(_dark(background)):
        colour = _readable(candidate, background, system)
        if colour is None:
            continue
        shown = _snap(colour, system)
        if _hue(shown) and all(distance(shown, other) >= MIN_DISTANCE for other in taken):
            taken.append(shown)
            if len(taken) == MOST:
                break
    return tuple(taken)


# -- 16 colours -------------------------------------------------------------------------------
def _hue(colour: Color) -> str | None:
    h, _l, s = colorsys.rgb_to_hls(*colour.normalized)
    return None if s < 0.15 else HUES[round(h * 6) % 6]


def _sixteen(theme: Theme, background: Color, ansi: bool) -> tuple[Color, ...]:
    """One colour per hue, the theme's hues first: the normal or the bright variant, whichever
    reads better on the background (a hue neither reads on is left out)."""
    order: list[str] = []
    for hue in [_hue(c) for c in _theme_colours(theme)] + list(SPREAD):
        if hue is not None and hue not in order:
            order.append(hue)
    colours: list[Color] = []
    for hue in order:
        index = max((ANSI_INDEX[hue], ANSI_INDEX[hue] + 8), key=lambda i: contrast(Color(*STANDARD_RGB[i]), background))
        shown = Color(*STANDARD_RGB[index])
        if contrast(shown, background) >= MIN_CONTRAST:
            colours.append(Color.parse(f"ansi_{'bright_' if index > 8 else ''}{hue}") if ansi else shown)
    return tuple(colours)
