"""The baseline of bench/store_tui.py: a bare Textual app showing a DataTable of a few rows
(Python's and Textual's own start-up, and nothing of newsreader)."""

from textual.app import App
from textual.widgets import DataTable


class Bare(App):
    def compose(self):
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Outlet", "Headline", "Author")
        for i in range(40):
            table.add_row("2025-05-05", "BBC", f"A headline {i}", "Someone")


if __name__ == "__main__":
    Bare().run()
