"""The settings file: read, written atomically, and never a reason not to start."""

from __future__ import annotations

import json
import os

import pytest

from reader import settings
from reader.settings import Settings


def test_a_missing_file_gives_the_defaults_without_a_warning(tmp_path):
    assert settings.load(tmp_path / "none" / "settings.json") == (Settings(), None)


def test_saved_settings_are_read_back(tmp_path):
    path = tmp_path / "deep" / "folder" / "settings.json"
    chosen = Settings(theme="nord", sort_column="outlet", sort_reverse=False, claims_panel=False,
                      speaker_labels=False)
    settings.save(chosen, path)
    assert settings.load(path) == (chosen, None)
    assert json.loads(path.read_text())["sort_column"] == "outlet"
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left


@pytest.mark.parametrize("content", [b"{not json", b"", b"[1, 2]", b"\xff\xfe\x00garbage", b'"just a string"'])
def test_a_damaged_file_gives_one_warning_and_the_defaults(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    loaded, warning = settings.load(path)
    assert loaded == Settings()
    assert warning and "\n" not in warning and str(path) in warning


def test_an_unreadable_file_gives_a_warning_not_a_traceback(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()  # a folder where the file should be: reading it raises IsADirectoryError
    loaded, warning = settings.load(path)
    assert loaded == Settings() and "Cannot read" in warning


def test_unknown_keys_are_ignored_and_kept(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "nord", "from_a_newer_version": [1, 2]}))
    loaded, warning = settings.load(path)
    assert warning is None and loaded == Settings(theme="nord")
    settings.save(loaded.changed(sort_reverse=False), path)
    assert json.loads(path.read_text())["from_a_newer_version"] == [1, 2]


def test_unusable_values_fall_back_to_their_defaults_with_a_warning(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": 3, "sort_column": "nonsense", "sort_reverse": False,
                                "claims_panel": "no"}))
    loaded, warning = settings.load(path)
    assert loaded == Settings(sort_reverse=False)
    assert "theme, sort_column, claims_panel" in warning


def test_the_path_comes_from_the_environment_else_the_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(settings.ENV, str(tmp_path / "mine.json"))
    assert settings.config_path() == tmp_path / "mine.json"
    monkeypatch.delenv(settings.ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    path = settings.config_path()
    assert path.name == "settings.json" and "newsreader" in path.parts


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    settings.save(Settings(theme="nord"), path)

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        settings.save(Settings(theme="gruvbox"), path)
    assert settings.load(path) == (Settings(theme="nord"), None)
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_saving_a_change_keeps_what_another_app_saved_meanwhile(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "nord", "from_a_newer_version": 1}))
    settings.save_changes({"speaker_labels": False}, path)  # app A: v
    settings.save_changes({"sort_column": "outlet"}, path)  # app B, which read the file before A's v
    loaded, warning = settings.load(path)
    assert warning is None
    assert loaded == Settings(theme="nord", speaker_labels=False, sort_column="outlet")
    assert json.loads(path.read_text())["from_a_newer_version"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # written by a rename
    path.write_text("{damaged")
    settings.save_changes({"claims_panel": False}, path)
    assert settings.load(path) == (Settings(claims_panel=False), None)
    with pytest.raises(ValueError):
        settings.save_changes({"no_such_setting": 1}, path)
