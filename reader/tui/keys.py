"""Every key of the app, as data. The footer, the help screen and the command palette are all
generated from these lists, so they never drift from what the keys do.

`show=True` puts a key in the footer: only the few that matter on each screen.
"""

from __future__ import annotations

from textual.binding import Binding

APP = [
    Binding("e", "export", "Export", id="export", tooltip="Export every annotation: JSON, W3C Web Annotation, JSONL, CSV or brat"),
    Binding("I", "import_annotations", "Import", show=False, key_display="I", id="import",
            tooltip="Import annotations (newsreader JSON, W3C Web Annotation, JSONL, CSV, brat) beside yours"),
    Binding("question_mark", "help", "Help", key_display="?", id="help", tooltip="Every key of this screen"),
    Binding("q", "quit", "Quit", id="quit", tooltip="Quit (your tags are already saved)"),
    Binding("ctrl+c,ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-ctrl"),
    # Textual's own palette key, made one of ours so that help lists it (the footer shows it).
    Binding("ctrl+p", "command_palette", "palette", show=False, priority=True, id="palette",
            tooltip="Search every action of this screen by name; change the theme"),
]

LIBRARY = [
    Binding("enter", "open", "Open", id="open", tooltip="Read the highlighted article"),
    Binding("slash", "filter", "Filter", key_display="/", id="filter",
            tooltip="Filter by words in headline, author, speakers and body; speaker:NAME; is:untagged. "
                    "While typing: enter keeps it, escape clears it, ctrl+u clears the text"),
    Binding("t", "toggle_untagged", "Untagged only", show=False, id="untagged",
            tooltip="Keep only articles with untagged claims"),
    Binding("o", "sort_next", "Sort", show=False, id="sort", tooltip="Sort by the next column"),
    Binding("O", "sort_reverse", "Reverse", show=False, key_display="O", id="sort-reverse",
            tooltip="Reverse the sort order"),
    Binding("i", "ingest", "Ingest", id="ingest", tooltip="Ingest a file or a folder of articles"),
    Binding("N", "next_untagged", "Next untagged", show=False, key_display="N", id="next-untagged-library",
            tooltip="Open the next article with untagged claims at its first untagged claim"),
    Binding("c", "claims", "Claims", show=False, id="claims",
            tooltip="Every claim of the store in one list, with a query, sorting and tagging"),
    Binding("S", "speakers", "Speakers", show=False, key_display="S", id="speakers",
            tooltip="Every speaker across the store: claims, tags, roles, first and last seen, outlets"),
    Binding("number_sign", "statistics", "Statistics", show=False, key_display="#", id="statistics",
            tooltip="The figures of every claim: tags, per speaker and outlet, claims and your work per week"),
    Binding("R", "review", "Review", show=False, key_display="R", id="review",
            tooltip="Review the claims the annotators judged differently and settle each"),
    Binding("K", "agreement", "Agreement", show=False, key_display="K", id="agreement",
            tooltip="How far the annotators agree: Krippendorff's alpha, Cohen's kappa, disagreements"),
]

EXPORT_DIALOG = [
    Binding("tab", "format(1)", "Next format", show=False, priority=True, id="next-format"),
    Binding("shift+tab", "format(-1)", "Previous format", show=False, priority=True, id="previous-format"),
]

CLAIMS = [
    Binding("slash", "query", "Query", key_display="/", id="claims-query",
            tooltip="Type a query: words, \"phrases\", -not, speaker: kind: tag: is: conf:<0.6 after: OR ( )"),
    Binding("enter", "open", "Open", id="claims-open", tooltip="Open the article at this claim (escape comes back here)"),
    Binding("s", "tag('stated')", "Stated", id="claims-stated", tooltip="Tag the claim: stated"),
    Binding("d", "tag('denied')", "Denied", id="claims-denied", tooltip="Tag the claim: denied"),
    Binding("u", "tag('unknown')", "Unknown", id="claims-unknown", tooltip="Tag the claim: unknown"),
    Binding("x", "tag(None)", "Clear", show=False, id="claims-clear", tooltip="Clear the claim's tag"),
    Binding("f", "not_a_claim", "Not a claim", show=False, id="claims-not-a-claim",
            tooltip="Mark (or unmark) it as not a claim"),
    Binding("N", "next_untagged", "Next untagged", key_display="N", id="claims-next-untagged",
            tooltip="The next claim of this list you have not judged, in its order"),
    Binding("o", "sort_next", "Sort", show=False, id="claims-sort", tooltip="Sort by the next column"),
    Binding("O", "sort_reverse", "Reverse", show=False, key_display="O", id="claims-sort-reverse",
            tooltip="Reverse the sort order"),
    Binding("ctrl+z", "undo", "Undo", show=False, id="claims-undo", tooltip="Undo the last change (the reader's history)"),
    Binding("ctrl+y", "redo", "Redo", show=False, id="claims-redo", tooltip="Redo what was undone"),
    Binding("number_sign", "statistics", "Statistics", show=False, key_display="#", id="claims-statistics",
            tooltip="The figures of this list's query: tags, per speaker and outlet, per week"),
    Binding("escape", "back", "Back", id="claims-back", tooltip="Back to the library (from the query: to the list)"),
]

ROSTER = [
    Binding("enter", "open", "Their claims", id="roster-open", tooltip="Show the speaker's claims in the claims view"),
    Binding("m", "merge", "Merge", id="roster-merge", tooltip="Say this speaker is the same person as another (yours alone)"),
    Binding("x", "split", "Split", show=False, id="roster-split",
            tooltip="Split off the names merged into this speaker (yours alone)"),
    Binding("escape", "back", "Back", id="roster-back", tooltip="Back to the library"),
]

STATISTICS = [
    Binding("escape", "back", "Back", id="statistics-back", tooltip="Back to where you were"),
]

AGREEMENT = [
    Binding("escape", "back", "Back", id="agreement-back", tooltip="Back to the library"),
]

REVIEW = [
    Binding("s", "settle('stated')", "Stated", id="settle-stated", tooltip="Settle it: stated (the final judgement)"),
    Binding("d", "settle('denied')", "Denied", id="settle-denied", tooltip="Settle it: denied"),
    Binding("u", "settle('unknown')", "Unknown", id="settle-unknown", tooltip="Settle it: unknown"),
    Binding("f", "settle('not_a_claim')", "Not a claim", id="settle-not-a-claim", tooltip="Settle it: not a claim"),
    Binding("x", "settle('clear')", "Clear", show=False, id="settle-clear", tooltip="Clear the final judgement"),
    Binding("n,down,j", "move(1)", "Next", id="review-next", tooltip="The next claim to review"),
    Binding("p,up,k", "move(-1)", "Previous", show=False, id="review-previous", tooltip="The previous claim to review"),
    Binding("N", "next_unsettled", "Next unsettled", show=False, key_display="N", id="review-next-unsettled",
            tooltip="The next claim not settled yet"),
    Binding("o", "toggle_singles", "One annotator", show=False, id="review-singles",
            tooltip="Also review the claims only one annotator judged (or not)"),
    Binding("escape", "back", "Back", id="review-back", tooltip="Back to the library"),
]

TABLE = [
    Binding("down,j", "cursor_down", "Down", show=False, id="down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="up"),
    Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="page-down"),
    Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="page-up"),
    Binding("home,g", "first", "First", show=False, id="first"),
    Binding("end,G", "last", "Last", show=False, id="last"),
]

ARTICLE = [
    Binding("n", "next_claim", "Next", id="next", tooltip="Next claim, in body order"),
    Binding("p", "previous_claim", "Previous", id="previous", tooltip="Previous claim"),
    Binding("N", "next_untagged", "Next untagged", key_display="N", id="next-untagged",
            tooltip="Next untagged claim, going on to the next article when this one is done"),
    Binding("exclamation_mark", "next_doubtful", "Next doubtful", show=False, key_display="!", id="next-doubtful",
            tooltip="Next doubtful attribution (marked !): the extractor was unsure who said it"),
    Binding("A", "toggle_others", "Others' tags", show=False, key_display="A", id="others",
            tooltip="Show or hide the other annotators' tags and notes of the current claim"),
    Binding("s", "tag('stated')", "Stated", id="stated", tooltip="Tag the claim: stated"),
    Binding("d", "tag('denied')", "Denied", id="denied", tooltip="Tag the claim: denied"),
    Binding("u", "tag('unknown')", "Unknown", id="unknown", tooltip="Tag the claim: unknown"),
    Binding("S", "tag_and_next('stated')", "Stated, next", show=False, key_display="S", id="stated-next",
            tooltip="Tag the claim stated and go to the next untagged claim (as s then N)"),
    Binding("D", "tag_and_next('denied')", "Denied, next", show=False, key_display="D", id="denied-next",
            tooltip="Tag the claim denied and go to the next untagged claim (as d then N)"),
    Binding("U", "tag_and_next('unknown')", "Unknown, next", show=False, key_display="U", id="unknown-next",
            tooltip="Tag the claim unknown and go to the next untagged claim (as u then N)"),
    Binding("x", "clear_tag", "Clear", show=False, id="clear", tooltip="Clear the claim's tag"),
    Binding("a", "note", "Note", id="note", tooltip="Add or edit the claim's note"),
    Binding("w", "speaker", "Who said it", show=False, id="speaker",
            tooltip="Correct the claim's speaker (→ completes a name of the article's)"),
    Binding("W", "speaker_everywhere", "Rename speaker", show=False, key_display="W", id="speaker-everywhere",
            tooltip="Give every claim of this claim's speaker in the article the name you type (one undo)"),
    Binding("greater_than_sign", "same_speaker(1)", "Next by speaker", show=False, key_display=">",
            id="speaker-next", tooltip="Next claim of the current claim's speaker"),
    Binding("less_than_sign", "same_speaker(-1)", "Previous by speaker", show=False, key_display="<",
            id="speaker-previous", tooltip="Previous claim of the current claim's speaker"),
    Binding("slash", "search", "Find", show=False, key_display="/", id="search",
            tooltip="Find words in the text (case ignored); enter goes to the first after the current claim"),
    Binding("f3,ctrl+g", "search_step(1)", "Next match", show=False, id="search-next",
            tooltip="Next match of the search"),
    Binding("shift+f3,ctrl+r", "search_step(-1)", "Previous match", show=False, id="search-previous",
            tooltip="Previous match of the search (many terminals never send shift+F3: ctrl+r)"),
    Binding("f", "not_a_claim", "Not a claim", show=False, id="not-a-claim",
            tooltip="Mark (or unmark) the claim as not a claim"),
    Binding("plus", "add_claim", "Add a claim", show=False, key_display="+", id="add-claim",
            tooltip="Add a claim the extractor missed: type its words (or first words … last words)"),
    Binding("E", "edit_span", "Claim's extent", show=False, key_display="E", id="edit-span",
            tooltip="Correct where the current claim starts and ends: type its words as they should be"),
    Binding("o", "orphans", "Lost claims", show=False, id="orphans",
            tooltip="Your annotations whose claim vanished when the article changed: re-attach or discard"),
    Binding("ctrl+z", "undo", "Undo", show=False, id="undo",
            tooltip="Undo the last tag, note, speaker, added claim or extent (a W rename is one step)"),
    Binding("ctrl+y", "redo", "Redo", show=False, id="redo", tooltip="Redo"),
    Binding("c", "toggle_claims", "Claims panel", show=False, id="claims-panel",
            tooltip="Hide or show the claim list (the text gets the whole height); remembered"),
    Binding("v", "toggle_speaker_labels", "Speaker labels", show=False, id="speaker-labels",
            tooltip="Hide or show the ⟨Name⟩ after every claim in the text; remembered"),
    Binding("escape", "back", "Library", id="back", tooltip="Back to the library (first closes the search)"),
    Binding("down,j", "scroll_down", "Scroll down", show=False, id="scroll-down"),
    Binding("up,k", "scroll_up", "Scroll up", show=False, id="scroll-up"),
    Binding("pagedown,space", "page_down", "Page down", show=False, id="scroll-page-down"),
    Binding("pageup,b", "page_up", "Page up", show=False, id="scroll-page-up"),
    Binding("home", "scroll_top", "Top", show=False, id="scroll-top", tooltip="The top of the article"),
    Binding("end", "scroll_bottom", "Bottom", show=False, id="scroll-bottom", tooltip="The end of the article"),
]

ORPHANS = [
    Binding("r", "reattach", "Re-attach", id="orphan-reattach",
            tooltip="Re-attach the highlighted annotation to the claim current in the reader"),
    Binding("x", "discard", "Discard", id="orphan-discard", tooltip="Discard the highlighted annotation (press twice)"),
    Binding("escape", "close", "Close", id="orphan-close"),
]

HELP = [
    Binding("escape,question_mark,q", "close", "Close", id="close-help", tooltip="Close the help"),
]

SEARCH = [
    Binding("escape", "close", "Close search", id="search-close", tooltip="Close the search and clear its highlights"),
]


def ours(binding: Binding) -> bool:
    """Is this one of newsreader's keys (not one Textual adds, like tab or super+c)?"""
    return binding.id is not None and binding.id in IDS


ALL = (*APP, *LIBRARY, *TABLE, *ARTICLE, *ORPHANS, *HELP, *SEARCH, *REVIEW, *AGREEMENT, *EXPORT_DIALOG, *CLAIMS, *STATISTICS, *ROSTER)
IDS = frozenset(b.id for b in ALL)
