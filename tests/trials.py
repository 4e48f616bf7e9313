"""What the reliability trials share: articles made up for them, stores built from those, the
CLI as a separate process, the app in a real pseudo-terminal, and a record of every trial.

Every trial runs the code under test as a user would (`python -m reader ...` in its own
process), so that kills, signals and closed streams hit the real program. The articles are
generated here, so the suite needs no third-party data.

Each trial's outcome can be written to a JSON-lines file (`NEWSREADER_TRIALS=PATH`), from which
`bench/reliability.py` prints the table of trials, failures and data lost.
"""

from __future__ import annotations

import json
import os
import pty
import random
import re
import select
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
import zlib
from dataclasses import dataclass, field
from fcntl import ioctl
from pathlib import Path

SCALE = float(os.environ.get("NEWSREADER_TRIALS_SCALE", "1"))  # bench/reliability.py sets 2


def scaled(n: int) -> int:
    return max(1, round(n * SCALE))


RECORDED = [0]  # trials recorded by this process (tests/reliability/conftest.py looks)


def record(group: str, case: str, ok: bool, lost: int = 0, detail: str = "") -> None:
    """Add one trial's outcome to the report file, when one is asked for."""
    RECORDED[0] += 1
    path = os.environ.get("NEWSREADER_TRIALS")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"group": group, "case": case, "ok": ok, "lost": lost, "detail": detail[:300]}) + "\n")


# -- the program under test ------------------------------------------------------------------------


def env(**extra: str) -> dict:
    """The environment of a child newsreader: this one's import path, no colours from the user."""
    paths = [p for p in sys.path if p]
    base = {k: v for k, v in os.environ.items() if not k.startswith("NEWSREADER_")}
    return {**base, "PYTHONPATH": os.pathsep.join(paths), "TEXTUAL_ANIMATIONS": "none", **extra}


def newsreader(*args: str) -> list[str]:
    return [sys.executable, "-m", "reader", *args]


def run_cli(*args: str, stdin=None, timeout: float = 60, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(newsreader(*args), capture_output=True, stdin=stdin, timeout=timeout,
                          env=env(), **kw)


def without_root_powers() -> None:
    """For a child started as root: drop the powers to read and write any file, so that file
    permissions hold for it as they do for any other user (preexec_fn; Linux)."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH: gone from the program exec'd next
        libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def one_clear_line(stderr: bytes | str) -> bool:
    """An error as users should get it: one line, no traceback, no 'internal error'."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    lines = [line for line in text.splitlines() if line.strip()]
    return (len(lines) >= 1 and all(line.startswith("newsreader: ") for line in lines)
            and "Traceback" not in text and "internal error" not in text)


# -- made-up articles ----------------------------------------------------------------------------

FIRST = ["Anna", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Greta", "Hugo", "Iryna", "Jonas",
         "Kateryna", "Lars", "Marta", "Nikolai", "Olga", "Pavlo"]
LAST = ["Kovalenko", "Schmidt", "Moreau", "Tkachenko", "Rossi", "Novak", "Berg", "Lindqvist",
        "Horvath", "Petrenko", "Silva", "Dubois", "Larsen", "Melnyk"]
ROLES = ["a spokesman for the ministry", "the regional governor", "an adviser to the mayor",
         "the head of the union", "a senior economist", "the opposition leader"]
WORDS = ("the plan will cost more than expected and nobody has said who pays for the new roads "
         "schools hospitals bridges in the north of the country before winter comes again this "
         "year while the talks go on without any agreement on prices wages taxes or the grid").split()
VERBS = ["said", "told reporters", "added", "warned", "claimed"]


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


def make_article(rng: random.Random, index: int) -> str:
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    lines = [f"Talks on the {rng.choice(WORDS)} plan stall in round {index}", ""]
    for p in range(rng.randint(6, 9)):
        who = people[p % 3]
        if p % 3 == 2:
            lines.append(f"{who} said that {_sentence(rng, rng.randint(8, 14)).lower()}.")
        else:
            lines.append(f'"{_sentence(rng, rng.randint(8, 16))}," {rng.choice(VERBS)} {who}, {rng.choice(ROLES)}.')
        lines.append("")
    return "\n".join(lines)


def edit_article(text: str, rng: random.Random) -> str:
    """What an outlet does to a published article: fix a word in one quote (its annotation must
    follow it), drop a paragraph (its annotation stays, orphaned), add a paragraph."""
    paragraphs = text.split("\n\n")
    body = list(range(1, len(paragraphs) - 1))
    i = rng.choice(body)
    paragraphs[i] = paragraphs[i].replace(" the ", " a ", 1) if " the " in paragraphs[i] else paragraphs[i] + " Again."
    del paragraphs[rng.choice([b for b in body if b != i])]
    paragraphs.insert(2, f'"{_sentence(rng, 10)}," said Quentin Added, a late source.')
    return "\n\n".join(paragraphs)


# -- stores ---------------------------------------------------------------------------------------


@dataclass
class Corpus:
    """Articles on disk and a store of them with annotations, kept as a template to copy."""

    root: Path
    articles: Path = field(init=False)
    template: Path = field(init=False)

    def __post_init__(self) -> None:
        self.articles = self.root / "articles"
        self.template = self.root / "template"

    def copy_store(self, name: str) -> Path:
        target = self.root / "trials" / name
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.template, target)
        return target


def build_corpus(root: Path, n_articles: int = 60, n_annotations: int = 300, n_edited: int = 15,
                 seed: int = 7) -> Corpus:
    """`n_articles` made-up articles ingested into a template store, `n_annotations` of their
    claims annotated (by two annotators, with notes), then `n_edited` of the files edited on
    disk, so that ingesting the folder again must move annotations with their claims."""
    from reader.ingest import ingest
    from reader.store import Store

    corpus = Corpus(root)
    corpus.articles.mkdir(parents=True)
    rng = random.Random(seed)
    texts = {}
    for i in range(n_articles):
        path = corpus.articles / f"{i:03d}.txt"
        texts[path] = make_article(rng, i)
        path.write_text(texts[path], encoding="utf-8")
    ingest([str(corpus.articles)], Store(corpus.template, annotator="alice"))
    stores = {who: Store(corpus.template, annotator=who) for who in ("alice", "bob")}
    claims = [(s.id, c) for s in stores["alice"].summaries() for c in stores["alice"].article(s.id).claims]
    rng.shuffle(claims)
    tags = ["stated", "denied", "unknown"]
    for k, (article_id, claim) in enumerate(claims[:n_annotations]):
        who = "bob" if k % 4 == 3 else "alice"
        stores[who].annotate(article_id, claim, tag=tags[k % 3], note=f"note {k} by {who}")
    for path in rng.sample(sorted(texts), n_edited):
        path.write_text(edit_article(texts[path], rng), encoding="utf-8")
    return corpus


def state(folder: Path) -> dict:
    """What a store holds that a user would miss if it changed: every annotation with its claim
    (None when it is orphaned), and every article's fingerprint. Read from the files themselves,
    so that it means the same whichever version of newsreader wrote them; the store must also
    open and list its articles."""
    from reader.store import Store

    Store(folder).summaries()
    claims, out = {}, {}
    for article_id, fingerprint, ids in stored_articles(folder):
        claims[article_id] = ids
        out[("article", article_id)] = fingerprint
    for path in sorted(folder.glob("annotations-*.json")):
        for name, table in json.loads(path.read_bytes()).items():
            if not name.startswith("a-"):
                continue
            for a in table.values():
                attached = a["claim_id"] if a["claim_id"] in claims.get(name[2:], ()) else None
                out[(a["annotator"], a["note"])] = (attached, a["tag"], a["text"])  # notes are unique here
    return out


def _claims(blob: bytes, body: bytes) -> bytes:
    """An article's claims as stored: compressed with its body as the dictionary."""
    claims = zlib.decompressobj(zdict=zlib.decompress(body))
    return claims.decompress(blob) + claims.flush()


def stored_articles(folder: Path) -> list[tuple[str, str, set[str]]]:
    """(id, fingerprint, claim ids) of every article, from the article database (each claim a
    list whose first item is its id, see reader.articles_db) or the JSON files of the release
    before it."""
    if (folder / "articles.db").exists():
        with sqlite3.connect(f"file:{folder / 'articles.db'}?mode=ro", uri=True) as db:
            return [(aid, fp, {c[0] for c in json.loads(_claims(blob, body))})
                    for aid, fp, body, blob in db.execute("SELECT id, fingerprint, body, claims FROM articles")]
    return [(a["id"], a["fingerprint"], {c["id"] for c in a["claims"]})
            for path in sorted(folder.glob("articles-*.json"))
            for a in json.loads(path.read_bytes())["articles"].values()]


def annotation_rows(folder: Path) -> list[dict]:
    """Every annotation row of a store, read from its files (the same for any version)."""
    return [row for path in sorted(folder.glob("annotations-*.json"))
            for name, table in json.loads(path.read_bytes()).items() if name.startswith("a-")
            for row in table.values()]


def compare(expected: dict, got: dict) -> tuple[int, str]:
    """How many annotations differ from the expected state (lost, detached or changed)."""
    lost = [k for k, v in expected.items() if k[0] != "article" and got.get(k) != v]
    articles = [k for k, v in expected.items() if k[0] == "article" and got.get(k) != v]
    detail = ""
    if lost:
        k = lost[0]
        detail = f"{len(lost)} annotations differ, e.g. {k}: expected {expected[k]}, got {got.get(k)}"
    elif articles:
        detail = f"{len(articles)} articles differ"
    return len(lost), detail


def store_files(folder: Path) -> dict[str, tuple]:
    out = {}
    try:
        names = os.listdir(folder)
    except OSError:
        return out
    for name in names:
        if name.endswith((".json", ".db", ".db-wal")):
            try:
                st = os.stat(folder / name)
            except OSError:
                continue
            out[name] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return out


def kill_after_first_write(proc: subprocess.Popen, folder: Path, jitter: float, sig=signal.SIGKILL) -> bool:
    """Watch the store folder and kill `proc` as soon as any store file has been replaced (plus
    `jitter` seconds, to land inside the writes that follow). False if it finished first."""
    before = store_files(folder)
    while proc.poll() is None:
        now = store_files(folder)
        if any(before.get(name) != sig_ for name, sig_ in now.items()):
            end = time.perf_counter() + jitter
            while time.perf_counter() < end:
                pass
            proc.send_signal(sig)
            return True
    return False


# -- kills while tagging ------------------------------------------------------------------------

TAGGER = """
import sys, random
from reader.store import Store
store = Store(sys.argv[1], annotator="tagger")
rng = random.Random(int(sys.argv[2]))
articles = [s.id for s in store.summaries()]
done = set()  # each claim once: a later, unacknowledged save of it would hide the acknowledged one
while True:
    article = store.article(rng.choice(articles))
    if not article.claims:
        continue
    claim = rng.choice(article.claims)
    if claim.id in done:
        continue
    done.add(claim.id)
    tag = rng.choice(["stated", "denied", "unknown"])
    store.annotate(article.id, claim, tag=tag, note=f"n{rng.random()}")
    print(article.id, claim.id, tag, flush=True)  # acknowledged: the save returned
"""


def kill_a_tagger(folder: Path, n: int) -> tuple[int, int, str]:
    """Start TAGGER on a store, kill it -9 at a random moment, and look: (tags it acknowledged,
    of those not in the store, what store file does not read)."""
    from reader.store import Store

    proc = subprocess.Popen([sys.executable, "-c", TAGGER, str(folder), str(n)], stdout=subprocess.PIPE, env=env())
    rng = random.Random(n)
    acknowledged = {}
    for _ in range(rng.randrange(1, 12)):
        line = proc.stdout.readline().split()
        if not line:
            break
        acknowledged[(line[0].decode(), line[1].decode())] = line[2].decode()
    time.sleep(rng.random() * 0.02)  # somewhere inside the next save
    proc.kill()
    said = proc.communicate()[0].decode()  # what it said before it died; a line cut short is not said
    for line in said.split("\n")[:-1]:
        article, claim, tag = line.split()
        acknowledged[(article, claim)] = tag
    problem = readable(folder)
    store = Store(folder, annotator="tagger")
    lost = sum(1 for (article, claim), tag in acknowledged.items()
               if getattr(store.annotations(article).get(claim), "tag", None) != tag)
    return len(acknowledged), lost, problem


def readable(folder) -> str:
    """'' when every store file reads; else what does not."""
    with sqlite3.connect(f"file:{folder / 'articles.db'}?mode=ro", uri=True) as db:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
    if check != "ok":
        return f"articles.db: {check}"
    for path in folder.glob("annotations-*.json"):
        try:
            json.loads(path.read_bytes())
        except ValueError as exc:
            return f"{path.name}: {exc}"
    return ""


# -- a real terminal -----------------------------------------------------------------------------

SGR = re.compile(rb"\x1b\[[0-9;]*m")
UNSAFE_OUT = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def unsafe_in_cli_output(data: bytes) -> list[bytes]:
    """Control and escape sequences in a command's output other than Rich's colours."""
    return UNSAFE_OUT.findall(SGR.sub(b"", data.replace(b"\r\n", b"\n")))


class Terminal:
    """A program on a pseudo-terminal of a given size, its output collected as it comes."""

    def __init__(self, args: list[str], size=(100, 30), cwd: str | None = None, environ: dict | None = None) -> None:
        self.master, slave = pty.openpty()
        ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                                     env={**(environ or env()), "TERM": "xterm-256color"},
                                     start_new_session=True)
        os.close(slave)
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.master], [], [], 0.05)
                if not ready:
                    if self.proc.poll() is not None:
                        break
                    continue
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            with self._lock:
                self.output.extend(chunk)

    def text(self) -> bytes:
        with self._lock:
            return bytes(self.output)

    def wait_for(self, needle: bytes, timeout: float = 20, start: int = 0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if needle in self.text()[start:]:
                return True
            if self.proc.poll() is not None:
                return needle in self.text()[start:]
            time.sleep(0.02)
        return False

    def send(self, keys: bytes | str, pause: float = 0.15) -> None:
        os.write(self.master, keys.encode() if isinstance(keys, str) else keys)
        time.sleep(pause)

    def press(self, keys: bytes | str, shows: bytes, timeout: float = 20) -> None:
        """Send keys and wait until the screen shows `shows` (drawn after the keys)."""
        mark = len(self.text())
        self.send(keys, 0)
        if not self.wait_for(shows, timeout, start=mark):
            raise AssertionError(f"{shows!r} never appeared after {keys!r}: {self.text()[-300:]!r}")

    def close_master(self) -> None:
        """The terminal goes away (its window is closed): the program's writes fail from now."""
        self._reader.join(0.5)
        try:
            os.close(self.master)
        except OSError:
            pass
        self.master = -1

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def wait(self, timeout: float = 15) -> int | None:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(2)
        if self.master >= 0:
            try:
                os.close(self.master)
            except OSError:
                pass
            self.master = -1
