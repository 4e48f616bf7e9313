"""One line under the article when some of your annotations lost their claim (the file changed
and no claim like theirs was found): how many, and the key that shows them."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class OrphanNotice(Static):
    def show(self, count: int) -> None:
        self.display = count > 0
        if count:
            its = "its" if count == 1 else "their"
            self.update(Text(f"{count} of your annotations lost {its} claim (the article changed): press o", style="bold"))
