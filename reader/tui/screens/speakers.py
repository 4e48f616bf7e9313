"""The reader's keys about speakers: `w` corrects the current claim's, `W` renames one speaker on
all their claims of the article (one undo), `>`/`<` walk through one speaker's claims. Part of
ArticleScreen (a mixin, to keep the screen's module small): it uses the screen's claims, notes,
current claim, go_to and change path, so every change is saved the way a tag is."""

from __future__ import annotations

from ...find import cycle
from ...model import Claim, speaker_of
from ...speakers import claims_by, renamed, speaker_names
from ...text import neutralize
from ..dialogs.ask import AskDialog


class SpeakerKeys:
    """Mixed into ArticleScreen (see the module's docstring)."""

    def action_speaker(self) -> None:
        if self.current < 0:
            return
        claim = self.claims[self.current]
        note = self.notes.get(claim.id)

        def done(value: str | None) -> None:
            if value is not None:
                self.change("speaker", {"speaker": value})

        self.app.push_screen(
            AskDialog("Who said it?", speaker_of(claim, note) or "",
                      context=f"Found: {neutralize(claim.speaker or 'nobody')}. An empty answer restores it.",
                      placeholder="the speaker's name", offer=speaker_names(self.claims, self.notes)),
            done,
        )

    def action_speaker_everywhere(self) -> None:
        """Name the speaker of every claim the current claim's speaker has in this article."""
        if self.current < 0:
            return
        claim = self.claims[self.current]
        name = speaker_of(claim, self.notes.get(claim.id))
        if not name:
            self.notify("Nobody is named as this claim's speaker: w names it.", timeout=3)
            return
        count = len(claims_by(self.claims, self.notes, name))

        def done(value: str | None) -> None:
            if value is not None:
                self.rename_speaker(name, value, claim)

        self.app.push_screen(
            AskDialog(f"Who said the {count} claim{'s' if count > 1 else ''} of {name}?", name,
                      context="Every claim of this speaker in the article gets the name. "
                              "An empty answer restores the names found.",
                      placeholder="the speaker's name", offer=speaker_names(self.claims, self.notes)),
            done,
        )

    def rename_speaker(self, name: str, value: str, first: Claim) -> None:
        """Give `value` as the speaker of every claim `name` said (now), as `w` would one by one;
        one step for undo. Claims whose speaker would not change are left alone."""
        changing = sorted(renamed(self.claims, self.notes, name, value), key=lambda c: c.id != first.id)
        if not changing:
            self.say(f"No claim changed: every claim of {name} already says so")
            return
        what = f"speaker of {len(changing)} claim{'s' if len(changing) > 1 else ''}"
        with self.many():  # the text rewraps once, not once a claim
            steps = [self._changed(c, what, {"speaker": value}, None) for c in changing]
        self.history.record(*steps)
        self.say(f"{what.capitalize()} changed: {name} → {value.strip() or 'the names found'}")

    def action_same_speaker(self, step: int) -> None:
        """The next (+1) or previous (-1) claim of the current claim's speaker, going round."""
        if self.current < 0:
            return
        claim = self.claims[self.current]
        name = speaker_of(claim, self.notes.get(claim.id))
        if not name:
            self.notify("Nobody is named as this claim's speaker.", timeout=3)
            return
        theirs = claims_by(self.claims, self.notes, name)
        k, wrapped = cycle(theirs.index(self.current), len(theirs), step)
        self.go_to(theirs[k])
        said = f"claim {k + 1} of {len(theirs)} by {name}"
        if len(theirs) == 1:
            said = f"the only claim by {name}"
        elif wrapped:
            said += " (went round to the " + ("first)" if step > 0 else "last)")
        self.say(said)

