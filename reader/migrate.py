"""A store written by a release that kept its articles in JSON files (`library.json` and
`articles-0.json` … `articles-f.json`) is moved into the article database when first opened.

The JSON files are read (checked and upgraded as any store file is), every article goes into
`articles.db` in one transaction, and only then are the old files moved, whole, into the folder
`articles-json.old/` beside it: nothing is deleted, and a kill at any moment leaves either the old
layout (the next open migrates again) or the new one with the old files kept. Annotations are
not touched: they stay where they are, in the same files.
"""

from __future__ import annotations

import os
from pathlib import Path

from .articles_db import put_all
from .model import Article
from .storage import StoreError, read_store_file

OLD = "articles-json.old"  # where the old files go
SHARDS = "0123456789abcdef"


def old_files(folder: Path) -> list[Path]:
    names = ["library.json", *(f"articles-{k}.json" for k in SHARDS)]
    found = [folder / n for n in names if (folder / n).exists()]
    return found + [folder / f"{p.name}.bak" for p in found if (folder / f"{p.name}.bak").exists()]


def from_json(store) -> int:
    """Migrate `store`'s old article files, if it has any; returns how many articles moved."""
    folder = store.folder
    if not (folder / "library.json").exists():
        return 0
    with store.lock.held():
        files = old_files(folder)
        if not files:  # another process migrated it meanwhile
            return 0
        moved = put_all(store.articles, _old_articles(folder))
        _keep(files, folder / OLD)
        return moved


def read_only(store) -> int:
    """An old store in a folder that cannot be written: its articles are read into memory each
    time (nothing can be moved), so it lists, shows and exports as before."""
    if not (store.folder / "library.json").exists() or store.articles.path.exists():
        return 0
    return put_all(store.articles, _old_articles(store.folder))


def _old_articles(folder: Path) -> list[tuple[Article, str]]:
    """Every article of the old files, with the date it was first ingested."""
    library = read_store_file(folder / "library.json", "library").get("articles", {})
    articles = []
    for key in SHARDS:
        path = folder / f"articles-{key}.json"
        if path.exists():
            articles.extend(read_store_file(path, "articles").get("articles", {}).values())
    ingested = {d["id"]: d.get("ingested") or "" for d in library.values()}
    return [(Article.from_dict(a), ingested.get(a["id"], "")) for a in articles]


def _keep(files: list[Path], target: Path) -> None:
    try:
        target.mkdir(exist_ok=True)
        for path in files:
            os.replace(path, target / path.name)
    except OSError as exc:
        raise StoreError(f"the articles were moved into {target.parent / 'articles.db'}, but the old files could "
                         f"not be moved into {target}: {exc.strerror}. Move them there by hand.") from None
