"""Claim extraction: who said what in an article body. Pure Python, no I/O."""

from .claims import editorial_spans, find_claims

__all__ = ["editorial_spans", "find_claims"]
