"""Every newsreader action of a screen with its keys: what the help screen lists and what the
command palette offers, from one walk of the screen's active bindings (keys.py). Both list the
same actions, with the same keys in the same order (the order keys.py gives them)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from . import keys

GROUPS = ("This screen", "Everywhere", "Moving in the list")
# Where each key of each binding stands in keys.py: the order its keys are shown in.
ORDER = {(b.id, key.strip()): n for n, (b, key) in enumerate(
    (b, key) for b in keys.ALL for key in b.key.split(","))}


@dataclass(slots=True)
class Action:
    group: str  # one of GROUPS: the screen's own, the app's, the focused widget's
    node: DOMNode  # where the action runs
    action: str
    description: str
    tooltip: str
    keys: list[tuple[int, str]] = field(default_factory=list)  # (place in keys.py, as shown: "^r")

    @property
    def label(self) -> str:
        """The keys in keys.py's order: "shift+f3 ^r", "q ^c"."""
        return " ".join(shown for _, shown in sorted(self.keys))


def shown_keys(screen: Screen, binding: Binding) -> str:
    """A binding's keys as the help and the palette show them: "esc ? q"."""
    return " ".join(screen.app.get_key_display(replace(binding, key=k.strip())) for k in binding.key.split(","))


def screen_actions(screen: Screen) -> list[Action]:
    """The screen's own actions first, then the app's, then those of the focused widget. Only
    newsreader's keys (keys.py): not the ones Textual adds to every screen (tab, super+c, ...)."""
    found: dict[tuple[int, str], Action] = {}
    for active in screen.active_bindings.values():
        b = active.binding
        if b.system or not b.description or not keys.ours(b):
            continue
        node = active.node
        key = (ORDER.get((b.id, b.key), len(ORDER)), b.key_display or screen.app.get_key_display(b))
        entry = found.get((id(node), b.action))
        if entry is None:
            group = GROUPS[0] if node is screen else GROUPS[1] if node is screen.app else GROUPS[2]
            entry = found[(id(node), b.action)] = Action(group, node, b.action, b.description, b.tooltip or "")
        if key[1] not in {shown for _, shown in entry.keys}:
            entry.keys.append(key)
        entry.tooltip = entry.tooltip or b.tooltip or ""
    return sorted(found.values(), key=lambda a: GROUPS.index(a.group))
