"""Claim extraction: who said what in an article body. Pure Python, no I/O.

The rules are loaded when first asked for, not when a light part of the package (the meaning of
a confidence, calibration.py) is imported: the reader starts without them.
"""

__all__ = ["editorial_spans", "find_claims"]


def __getattr__(name: str):
    if name in __all__:
        from . import claims

        return getattr(claims, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
