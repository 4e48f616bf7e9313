"""Faster correction in the reader: S/D/U tag and move on, W renames a speaker on all their claims,
speaker names completed in w/W, > and < walk through one speaker's claims. Asserted on what the
store holds after the keys, on the current claim and on the status line."""

from __future__ import annotations

from helpers import SEED, SOME, fixed_clock, open_reader
from reader.model import speaker_of, statements
from reader.store import Store
from reader.tui.screens.article import ArticleScreen
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.claim_detail import ClaimDetail

SIZE = (120, 40)
PESKOV, TRUMP = "Dmitry Peskov", "Donald Trump"


def stored(app, article_id: str) -> dict:
    app.service.call(lambda: None)  # the store thread has applied what was sent before
    return Store(app.store.folder, annotator=app.store.annotator, clock=fixed_clock).annotations(article_id)


def status(screen) -> str:
    return str(screen.query_one(ClaimDetail).render())


async def go_to(pilot, screen, index: int) -> None:
    screen.go_to(index)
    await pilot.pause()


# -- S / D / U -----------------------------------------------------------------------------
async def test_capital_s_d_u_tag_and_go_to_the_next_untagged_claim(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        claims = screen.claims
        await pilot.press("n", "s", "p")  # the second claim is tagged already: S skips it
        await pilot.press("S")
        await pilot.pause()
        assert screen.current == 2
        await pilot.press("D", "U")
        await pilot.pause()
        assert screen.current == 4
        assert {claims.index(c): stored(app, screen.article.id)[c.id].tag for c in claims
                if c.id in stored(app, screen.article.id)} == {0: "stated", 1: "stated", 2: "denied", 3: "unknown"}
        await pilot.press("ctrl+z")  # one undo takes back U's tag, and shows its claim
        await pilot.pause()
        assert screen.current == 3
        notes = stored(app, screen.article.id)
        assert claims[3].id not in notes and notes[claims[2].id].tag == "denied"


async def test_capital_s_on_the_last_untagged_claim_opens_the_next_article(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        order = [r.id for r in app.library.visible]
        first = await open_reader(pilot)
        for _ in first.claims:
            await pilot.press("S")
            await pilot.pause()
        await pilot.pause()
        second = app.screen
        assert isinstance(second, ArticleScreen) and second.article.id == order[1]
        assert second.current == 0 and not stored(app, order[1])
        notes = stored(app, order[0])
        assert all(notes[c.id].tag == "stated" for c in first.claims)
        assert app.library.visible[[r.id for r in app.library.visible].index(order[0])].tagged == len(statements(first.claims))


# -- W ------------------------------------------------------------------------------------------
async def test_capital_w_renames_every_claim_of_the_speaker_and_one_undo_restores_them(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        claims, article = screen.claims, screen.article.id
        trump = [i for i, c in enumerate(claims) if c.speaker == TRUMP]
        await go_to(pilot, screen, trump[0])
        await pilot.press("w", "ctrl+u", *PESKOV, "enter")  # a correction makes it Peskov's too
        await pilot.pause()
        peskov = [i for i, c in enumerate(claims) if speaker_of(c, screen.notes.get(c.id)) == PESKOV]
        assert len(peskov) == 8 and trump[0] in peskov
        await go_to(pilot, screen, 0)
        await pilot.press("W")
        await pilot.pause()
        assert app.screen.query_one("#ask-input").value == PESKOV  # prefilled with the speaker
        await pilot.press("ctrl+u", *"D. S. Peskov", "enter")
        await pilot.pause()
        notes = stored(app, article)
        assert {i for i, c in enumerate(claims) if c.id in notes} == set(peskov)
        assert all(notes[claims[i].id].speaker == "D. S. Peskov" for i in peskov)
        assert all(claims[i].id not in notes for i in trump[1:])  # Trump's other claims untouched
        assert "Speaker of 8 claims changed: Dmitry Peskov → D. S. Peskov" in status(screen)

        await pilot.press("ctrl+z")
        await pilot.pause()
        notes = stored(app, article)
        assert set(notes) == {claims[trump[0]].id} and notes[claims[trump[0]].id].speaker == PESKOV
        assert "Undone: speaker of 8 claims" in [str(n.message) for n in app._notifications]
        await pilot.press("ctrl+z")  # the next undo is the w before it
        await pilot.pause()
        assert stored(app, article) == {}
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert {n.speaker for n in stored(app, article).values()} == {"D. S. Peskov"}


async def test_capital_w_with_the_same_name_changes_nothing_and_says_so(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("W", "enter")
        await pilot.pause()
        assert stored(app, screen.article.id) == {}
        assert "No claim changed: every claim of Dmitry Peskov already says so" in status(screen)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo." in [str(n.message) for n in app._notifications]


# -- completion ---------------------------------------------------------------------------------
async def test_the_speaker_input_completes_the_articles_speakers_case_ignored(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        claims, article = screen.claims, screen.article.id
        trump = next(i for i, c in enumerate(claims) if c.speaker == TRUMP)
        await go_to(pilot, screen, trump)
        await pilot.press("w", "ctrl+u", *"dmi")
        await pilot.pause()
        field = app.screen.query_one("#ask-input")
        assert field._suggestion == PESKOV
        await pilot.press("right", "enter")  # right takes the completion
        await pilot.pause()
        assert stored(app, article)[claims[trump].id].speaker == PESKOV
        # A corrected name is offered too, in W's input as in w's.
        await pilot.press("n", "w", "ctrl+u", *"Sergei Lavrov", "enter", "n", "W", "ctrl+u", *"sERG")
        await pilot.pause()
        assert app.screen.query_one("#ask-input")._suggestion == "Sergei Lavrov"
        assert "→ completes" in str(app.screen.query_one("#ask-hint").render())


# -- > and < -------------------------------------------------------------------------------------
async def test_greater_and_less_walk_one_speakers_claims_going_round(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        claims = screen.claims
        peskov = [i for i, c in enumerate(claims) if c.speaker == PESKOV]
        assert peskov[0] == 0 and len(peskov) == 7
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.current == peskov[1]  # the sources between are skipped
        assert "claim 2 of 7 by Dmitry Peskov" in status(screen)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.current == peskov[2] and "claim 3 of 7 by Dmitry Peskov" in status(screen)
        await pilot.press("less_than_sign", "less_than_sign", "less_than_sign")
        await pilot.pause()
        assert screen.current == peskov[-1]
        assert "claim 7 of 7 by Dmitry Peskov (went round to the last)" in status(screen)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.current == 0 and "claim 1 of 7 by Dmitry Peskov (went round to the first)" in status(screen)
        await pilot.press("n")  # any other move clears the line
        await pilot.pause()
        assert "by Dmitry Peskov" not in status(screen).split("  ")[0]


async def test_greater_follows_the_corrected_speaker(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        claims = screen.claims
        trump = [i for i, c in enumerate(claims) if c.speaker == TRUMP]
        rubio = [i for i, c in enumerate(claims) if c.speaker == "Marco Rubio"]
        await go_to(pilot, screen, trump[1])
        await pilot.press("w", "ctrl+u", *"Marco Rubio", "enter")
        await pilot.pause()
        await go_to(pilot, screen, rubio[0])
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.current == rubio[1] and "claim 3 of 3 by Marco Rubio" in status(screen)
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.current == trump[1] and "claim 1 of 3 by Marco Rubio (went round" in status(screen)
        await go_to(pilot, screen, trump[0])
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.current == trump[2]  # the corrected claim is no longer Trump's


async def test_the_text_is_rewrapped_around_a_renamed_speakers_labels(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=(100, 36)) as pilot:
        screen = await open_reader(pilot)
        view = screen.query_one(ArticleView)
        rewraps = []
        wrapped = view._rewrap
        view._rewrap = lambda: (rewraps.append(1), wrapped())
        await pilot.press("n", "W", "ctrl+u", *"Dmitry Sergeyevich Peskov, Press Secretary of the President", "enter")
        await pilot.pause()
        assert len(rewraps) == 1  # once for the seven claims, not once a claim
        rows = list(view._rows)
        wrapped()
        assert view._rows == rows  # wrapped around the new, longer labels
        await pilot.press("w", "ctrl+u", "enter")  # this claim back to the name found: rewrapped too
        await pilot.pause()
        rows = list(view._rows)
        wrapped()
        assert view._rows == rows and len(rewraps) == 2
