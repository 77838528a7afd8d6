"""Which rows a run keeps: the kinds of claim (default: speech) and a minimum confidence, checked once.

Light on purpose: the command line checks ``--kinds`` and ``--min-confidence`` with these before it loads
spaCy, so that a bad value is one line at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import UsageError
from .nlp.kinds import parse_kinds


def row_filter(kinds: str | Iterable[str] | None = None, min_confidence: float = 0.0) -> dict:
    """The keyword arguments of :func:`claimex.records.doc_to_records` that select rows: ``kinds``
    (default: speech; ``"all"``) and ``min_confidence`` (0 to 1).  Raises ValueError on anything else."""
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, not {min_confidence}")
    return {"kinds": parse_kinds(kinds), "min_confidence": min_confidence}


def checked_row_filter(kinds: str | Iterable[str] | None = None, min_confidence: float = 0.0) -> dict:
    """:func:`row_filter`, a bad value raised as the :class:`UsageError` naming the option and the fix."""
    if not 0.0 <= min_confidence <= 1.0:
        raise UsageError(f"--min-confidence {min_confidence}: give a probability between 0 and 1")
    try:
        return row_filter(kinds, min_confidence)
    except ValueError as exc:
        shown = kinds if isinstance(kinds, str) or kinds is None else ",".join(kinds)
        raise UsageError(f"--kinds {shown!r}: {exc}") from None
