"""A broadcast transcript's label with the speaker's role after the name: "WOLF BLITZER, CNN ANCHOR:", "IAN 'BANJO'
BURNS, APPIN STATION:".  The turns pass reads the name as the speaker's, the profiles read the role; both find the
label here.

Limits, plainly: the role must be in capitals (every alphabetic word of it) between the first comma and the colon;
a name's own checks (a speaker's label, capitals) are the callers'.
"""

from __future__ import annotations

from spacy.tokens import Doc


def role_label_bounds(doc: Doc, first: int, end: int) -> tuple[int, int] | None:
    """(comma, colon) of a label opening at token ``first`` with its colon before token ``end``: a name, a comma and
    a role in capitals ("WOLF BLITZER, CNN ANCHOR:"); None where there is no such label."""
    colon = next((k for k in range(first, min(end, len(doc))) if doc[k].text == ":"), None)
    comma = next((k for k in range(first, colon) if doc[k].text == ","), None) if colon is not None else None
    if colon is None or comma is None or comma == first or comma + 1 >= colon:
        return None
    role = [t for t in doc[comma + 1 : colon] if t.is_alpha]
    return (comma, colon) if role and all(t.is_upper for t in role) else None
