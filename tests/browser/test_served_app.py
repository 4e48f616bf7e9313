"""`newsreader serve` in a real browser: headless Chromium opens the page, the library appears
and keys reach the app, a tag given in the browser is in the store, and two tabs tagging at once
lose nothing. Skips, saying why, where Chromium is not installed (.ci/run installs it)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time

import pytest

from cdp import Browser, Tab, chromium, free_port, wait_for_port
from helpers import SEED
from reader.ingest import ingest
from reader.store import Store

pytestmark = pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (Debian: apt-get install chromium)")


@pytest.fixture
def served(tmp_path):
    """A store holding the seed, served on a free port with annotators named by the URL."""
    store = tmp_path / "store"
    ingest([str(SEED)], Store(store))
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "reader", "--store", str(store), "serve", "--port", str(port),
                               "--annotator-from-url"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port)
        browser = Browser(tmp_path / "profile")
        try:
            yield store, f"http://localhost:{port}", browser
        finally:
            browser.close()
    finally:
        server.terminate()
        server.wait(10)


def rows(store, annotator: str):
    s = Store(store, annotator=annotator)
    article = s.summaries()[0].id
    return s, article, s.annotations(article)


async def until(check, seconds: float = 30, every=None):
    """Wait for check() to be true, doing every() (a coroutine) now and then meanwhile."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        if every:
            await every()
        await asyncio.sleep(0.5)
    return check()


async def open_first_article(tab: Tab, store, annotator: str) -> None:
    """Press enter until the app has opened the library's first article (it marks it read)."""
    await tab.wait_for("document.querySelector('.-connected') !== null")
    opened = await until(lambda: bool(Store(store, annotator=annotator).read_ids()), every=lambda: tab.press("enter"))
    assert opened, "the library never appeared, or enter never reached it"


def test_a_tag_given_in_the_browser_is_in_the_store(served, tmp_path):
    store, url, browser = served

    async def run():
        async with Tab(browser.new_tab()) as tab:
            await tab.go(f"{url}/?annotator=webuser")
            await open_first_article(tab, store, "webuser")
            await tab.press("s")
            tagged = await until(lambda: any(a.tag == "stated" for a in rows(store, "webuser")[2].values()), 15)
            await tab.screenshot(tmp_path / "served.png")
            return tagged

    assert asyncio.run(run()), "the tag typed in the browser never reached the store"
    s, article, mine = rows(store, "webuser")
    first = s.article(article).claims[0]
    assert mine[first.id].tag == "stated" and mine[first.id].annotator == "webuser"


def test_two_tabs_tagging_at_once_lose_nothing(served):
    store, url, browser = served
    plan = {"tab-one": ["s", "n", "d", "n", "u"], "tab-two": ["d", "n", "u", "n", "s"]}

    async def one(name: str) -> None:
        async with Tab(browser.new_tab()) as tab:
            await tab.go(f"{url}/?annotator={name}")
            await open_first_article(tab, store, name)
            await tab.press(*plan[name])
            await until(lambda: len(rows(store, name)[2]) == 3, 15)

    async def both():
        await asyncio.gather(*(one(name) for name in plan))

    asyncio.run(both())
    for name, keys in plan.items():
        s, article, theirs = rows(store, name)
        claims = s.article(article).claims[:3]
        want = [{"s": "stated", "d": "denied", "u": "unknown"}[k] for k in keys[::2]]
        assert [theirs[c.id].tag if c.id in theirs else None for c in claims] == want, name
