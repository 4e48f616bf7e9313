"""Claim extraction: who said what in an article body. Pure Python, no I/O."""

from .claims import find_claims

__all__ = ["find_claims"]
