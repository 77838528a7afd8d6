"""Hard wrapping as e-mail, wire and terminal exports do it: for tests of claimex.io.reflow."""

from __future__ import annotations


def fold(text: str, width: int, *, keep_space: bool = False, unit=len) -> str:
    """Cut every line of ``text`` at ``width`` by turning spaces into newlines (greedy, ``fold -s``).

    ``keep_space``: leave the space at the end of the line and add the newline after it, as GNU
    ``fold -s`` does.  ``unit`` measures a piece of line (``len``; UTF-8 bytes for ``fold``).
    A word longer than the width stays whole on its own line; nothing else changes.
    """
    out = []
    for line in text.split("\n"):
        cuts = []
        start = 0
        while unit(line[start:]) > width:
            cut = start + width
            while cut > start and unit(line[start:cut]) > width:
                cut -= 1
            space = line.rfind(" ", start, cut + 1 - keep_space)
            if space <= start:
                space = line.find(" ", cut)
                if space < 0:
                    break
            cuts.append(space)
            start = space + 1
        pieces, previous = [], 0
        for cut in cuts:
            pieces.append(line[previous : cut + 1] if keep_space else line[previous:cut])
            previous = cut + 1
        pieces.append(line[previous:])
        out.append("\n".join(pieces))
    return "\n".join(out)


def utf8_size(text: str) -> int:
    return len(text.encode("utf-8"))
