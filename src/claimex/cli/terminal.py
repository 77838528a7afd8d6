"""Text shown on a terminal: data are never markup, and never terminal controls.

An article, a quote or a file name can hold escape sequences (``\\x1b]0;title\\x07``, ``\\x1b[2J``) that a
terminal would obey: retitle the window, clear the screen, forge a line.  :func:`terminal_text` removes
them, and every other control character but newline and tab, and the bidirectional overrides that
reorder what is shown; :func:`plain` wraps the result in a Rich ``Text``, which Rich never reads as markup
(``[doesn't]``, ``[/b]`` and ``[link=...]`` stay as written).
"""

from __future__ import annotations

import re

from rich.text import Text

# ESC and what follows it: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-character escapes.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(value: object) -> str:
    """``value`` as text a terminal shows as it is: escape sequences and control characters (newline and
    tab kept) and bidirectional overrides removed."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", str(value)))


def plain(value: object, style: str = "") -> Text:
    """``value`` as a Rich ``Text``: shown as written, never as markup, without terminal controls."""
    return Text(terminal_text(value), style=style)
