"""Just enough of the Chrome DevTools Protocol to drive headless Chromium from a test: open a
tab, go to a page, type keys, run a line of JavaScript, take a screenshot. (aiohttp, which
textual-serve brings, speaks the websocket.)"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import aiohttp

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1000,700"]

KEYS = {"enter": ("Enter", 13, "\r"), "escape": ("Escape", 27, ""), "down": ("ArrowDown", 40, "")}


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, seconds: float = 20) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port}")


class Browser:
    def __init__(self, profile: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen([chromium(), *FLAGS, f"--remote-debugging-port={self.port}",
                                         f"--user-data-dir={profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def new_tab(self) -> str:
        """A new tab's websocket for the protocol."""
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}/json/new?about:blank", method="PUT")
        for _ in range(50):
            try:
                with urllib.request.urlopen(req) as r:
                    return json.loads(r.read())["webSocketDebuggerUrl"]
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("Chromium opened no tab")

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Tab:
    """One tab, driven through its websocket (use as `async with Tab(url) as tab`)."""

    def __init__(self, ws_url: str) -> None:
        self.ws_url = ws_url
        self.ids = itertools.count(1)

    async def __aenter__(self) -> Tab:
        self.session = aiohttp.ClientSession()
        self.ws = await self.session.ws_connect(self.ws_url, max_msg_size=0)
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()
        await self.session.close()

    async def send(self, method: str, **params) -> dict:
        n = next(self.ids)
        await self.ws.send_json({"id": n, "method": method, "params": params})
        async for msg in self.ws:
            data = json.loads(msg.data)
            if data.get("id") == n:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data.get("result", {})
        raise ConnectionError("the tab closed")

    async def go(self, url: str) -> None:
        await self.send("Page.navigate", url=url)

    async def js(self, expression: str):
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def wait_for(self, expression: str, seconds: float = 20) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if await self.js(expression):
                return
            await asyncio.sleep(0.1)
        raise TimeoutError(f"never true: {expression}")

    async def press(self, *keys: str) -> None:
        """Keys as a user types them into the page's terminal: letters, or enter, escape, down."""
        await self.js("document.querySelector('.xterm-helper-textarea').focus()")
        for key in keys:
            if key in KEYS:
                name, code, text = KEYS[key]
                await self.send("Input.dispatchKeyEvent", type="keyDown", key=name, code=name,
                                windowsVirtualKeyCode=code, text=text)
                await self.send("Input.dispatchKeyEvent", type="keyUp", key=name, code=name, windowsVirtualKeyCode=code)
            else:
                await self.send("Input.insertText", text=key)
            await asyncio.sleep(0.15)

    async def screenshot(self, path: Path) -> None:
        shot = await self.send("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
