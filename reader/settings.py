"""The reader's choices that outlive a run (theme, library order, what the reader shows), kept in
a small JSON file in the user's config folder.

The file is a convenience, never a reason not to start: a missing file gives the defaults, a
damaged or unreadable one gives the defaults and one warning line, unknown keys are ignored (and
kept, so a newer newsreader's choices survive an older one), and it is written atomically. A
running app writes only the settings it changed, into the file as it is then (save_changes), so
two apps with the same file never undo each other's choices.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .library import COLUMNS

ENV = "NEWSREADER_CONFIG"  # a file path; overrides the config folder (tests use a temp file)
APP_NAME = "newsreader"
FILE_NAME = "settings.json"


@dataclass(frozen=True)
class Settings:
    theme: str | None = None  # None: Textual's default theme
    sort_column: str = "date"
    sort_reverse: bool = True  # newest first
    claims_panel: bool = True  # the claim list under (or beside) the article text
    speaker_labels: bool = True  # " ⟨Name⟩" after every claim in the text
    extra: dict = field(default_factory=dict, compare=False, repr=False)  # keys this version does not know

    def changed(self, **values) -> Settings:
        return replace(self, **values)


def _valid(name: str, value) -> bool:
    if name == "theme":
        return value is None or (isinstance(value, str) and 0 < len(value) <= 100)
    if name == "sort_column":
        return value in COLUMNS
    return isinstance(value, bool)


_KNOWN = tuple(f.name for f in fields(Settings) if f.name != "extra")


def config_path() -> Path:
    """The settings file: $NEWSREADER_CONFIG, else settings.json in the user's config folder."""
    env = os.environ.get(ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / FILE_NAME


def from_dict(data: dict) -> tuple[Settings, list[str]]:
    """Settings from a parsed file, and the names of known keys whose values were unusable."""
    values, bad = {}, []
    for name in _KNOWN:
        if name in data:
            if _valid(name, data[name]):
                values[name] = data[name]
            else:
                bad.append(name)
    extra = {k: v for k, v in data.items() if k not in _KNOWN}
    return Settings(**values, extra=extra), bad


def load(path: Path | None = None) -> tuple[Settings, str | None]:
    """The saved settings and a one-line warning (None when all is well). Never raises."""
    path = path or config_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), f"Cannot read the settings file {path} ({type(exc).__name__}): using the defaults."
    try:
        data = json.loads(raw)
    except ValueError:
        return Settings(), f"The settings file {path} is damaged (not JSON): using the defaults."
    if not isinstance(data, dict):
        return Settings(), f"The settings file {path} is damaged (not a JSON object): using the defaults."
    settings, bad = from_dict(data)
    if bad:
        return settings, f"The settings file {path} has unusable values for {', '.join(bad)}: using the defaults for those."
    return settings, None


def to_dict(settings: Settings) -> dict:
    data = dict(settings.extra)
    data.update({name: getattr(settings, name) for name in _KNOWN})
    return data


def save(settings: Settings, path: Path | None = None) -> None:
    """Write every setting atomically (see _write). Raises OSError when the folder cannot be
    written."""
    _write(to_dict(settings), path or config_path())


def save_changes(values: dict, path: Path | None = None) -> None:
    """Change only these settings in the file as it is now, atomically: another newsreader using
    the same file keeps the choices it saved meanwhile (and so do a newer version's keys). A
    missing or damaged file is started afresh. Raises OSError when the folder cannot be written."""
    path = path or config_path()
    unknown = [name for name in values if name not in _KNOWN]
    if unknown:
        raise ValueError(f"no such setting: {', '.join(unknown)}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        data = {}
    _write({**(data if isinstance(data, dict) else {}), **values}, path)


def _write(data: dict, path: Path) -> None:
    """Write the file atomically: a temp file in the same folder, fsync, os.replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
