"""What flows between the stages: an article as read, and a failure to read one."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """One article as read.

    ``text`` is the article text as read (decoded, mojibake repaired, HTML
    reduced to its main text); every offset claimex reports points into it.
    ``published`` is an ISO date from the input's own metadata (JSON field,
    HTML meta, Markdown front matter) or ``""``; the dates stage may fill it
    from the text.  ``warnings``: what looked wrong in reading it (an HTML
    page whose main text looks incomplete), one line each, for the user.
    """

    doc_id: str
    text: str
    source: str = ""  # the file it came from, for messages
    published: str = ""
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class InputError:
    """An input that could not be read: one line for the user, a record for --errors."""

    source: str
    reason: str
    line: int | None = None  # 1-based line for JSONL inputs

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict:
        return {"source": self.source, "line": self.line, "reason": self.reason}


@dataclass
class Skipped:
    """An input passed over on purpose (unsupported extension): a note, not a failure."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
