"""The command line: `newsreader` and its sub-commands."""

from .main import main

__all__ = ["main"]
