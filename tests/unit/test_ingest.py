"""Ingest: files, folders and stdin; bad files refused with a reason while the rest go in."""

import codecs
import io
import sys

from helpers import FIXTURES, SEED
from reader.ingest import MAX_FILE_BYTES, ingest


def test_folders_are_read_recursively_and_hidden_files_skipped(store, tmp_path):
    root = tmp_path / "in"
    (root / "a" / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a" / "b" / "one.txt").write_bytes(SEED.read_bytes())
    (root / "two.txt").write_bytes((FIXTURES / "plain" / "bbc_like.txt").read_bytes())
    (root / ".hidden.txt").write_text("Secret\n\nnot an article to ingest")
    (root / ".git" / "config").write_text("[core]\n")
    report = ingest([str(root)], store)
    assert len(report.new) == 2 and report.refused == []


def test_bad_files_are_refused_with_reasons_and_the_rest_go_in(store, tmp_path):
    files = {
        "binary.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
        "empty.txt": b"",
        "blank.txt": b"\n\n   \n",
        "listing.txt": (FIXTURES / "up" / "listing.txt").read_bytes(),
        "huge.txt": b"Headline\n\n" + b"word " * (MAX_FILE_BYTES // 5 + 10),
        "good.txt": SEED.read_bytes(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    report = ingest([str(tmp_path / n) for n in files] + [str(tmp_path / "missing.txt")], store)
    reasons = {name.rsplit("/", 1)[-1]: reason for name, reason in report.refused}
    assert reasons == {
        "binary.pdf": "binary file (contains NUL bytes)",
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "listing.txt": "a listing page of 3 truncated articles ('Read More' links), not one article",
        "huge.txt": "too large for an article (8.4 MB; the limit is 8 MB)",
        "missing.txt": "no such file or folder",
    }
    assert len(report.new) == 1 and len(store.summaries()) == 1


def test_stdin(store, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    report = ingest(["-"], store)
    assert report.new == ["-"]
    assert store.summaries()[0].title.startswith("Putin's spokesperson")


def test_utf16_and_cp1252_files_go_in_with_a_warning_for_cp1252(store, tmp_path):
    (tmp_path / "u16.txt").write_bytes(codecs.BOM_UTF16_LE + SEED.read_text().encode("utf-16-le"))
    plain = (FIXTURES / "plain" / "bbc_like.txt").read_text().replace("3.9%", "3.9% (£2.50 a week)")
    (tmp_path / "win.txt").write_bytes(plain.encode("cp1252"))
    report = ingest([str(tmp_path)], store)
    assert report.refused == [] and len(report.new) == 2
    assert [w for _, w in report.warnings] == ["not valid UTF-8 (byte 0xA3 at offset 77); read as Windows-1252"]
    titles = sorted(s.title for s in store.summaries())
    assert titles == ["Putin's spokesperson says meeting with Trump is necessary", "Rail fares to rise above inflation"]


def test_files_named_like_a_readme_or_licence_are_refused_by_name(store, tmp_path):
    from reader.ingest import not_an_article_by_name

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "README.TXT").write_text("Consists of 2225 documents from the BBC news website\n\nin five topical areas.\n")
    (corpus / "LICENSE").write_text("Permission is granted\n\nto use these files.\n")
    (corpus / "001.txt").write_bytes((FIXTURES / "plain" / "bbc_like.txt").read_bytes())
    report = ingest([str(corpus)], store)
    assert [s.path.rsplit("/", 1)[-1] for s in store.summaries()] == ["001.txt"]
    assert sorted(report.refused) == [
        (str(corpus / "LICENSE"), "not an article (a licence, by its name)"),
        (str(corpus / "README.TXT"), "not an article (a README, by its name)"),
    ]
    for name in ("changelog.md", "docs/CONTRIBUTING.rst", "copying"):
        assert not_an_article_by_name(name)
    for name in ("readmes.txt", "license-plates.txt", "-", "2025-05-05.txt", "authors-of-war.txt"):
        assert not_an_article_by_name(name) is None


def test_a_file_is_stored_under_its_real_path_through_linked_folders_and_files(tmp_path):
    """The path an article is known by is the file's real path (its folder's looked up once), so
    that a file reached through a link is the same file next time."""
    from reader.ingest import Item, stored_path

    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("x")
    (tmp_path / "linked").symlink_to(real)
    (real / "b.txt").symlink_to(real / "a.txt")
    for path in (real / "a.txt", tmp_path / "linked" / "a.txt", tmp_path / "linked" / "b.txt", real / "b.txt"):
        assert stored_path(Item(path.name, path)) == str((real / "a.txt").resolve())
