"""PDF and DOCX: the text layer of press releases and transcripts.

Optional: ``pip install "claimex[documents]"`` brings pdfminer.six (MIT) and
python-docx (MIT).  Without them, reading such a file raises
:class:`DocumentError` naming that command.

* PDF (:func:`pdf_text`): pdfminer.six's layout analysis, which groups a
  page's lines into text boxes; boxes are separated by blank lines and pages
  by form feeds.  A box's lines are a typesetter's lines, for
  :func:`claimex.io.reflow.reflow` to join.  A PDF without any text (a scan:
  claimex does no OCR), an encrypted one without an empty password, or one
  pdfminer cannot parse raises :class:`DocumentError` with that reason.
* DOCX (:func:`docx_text`): the body's paragraphs, one to a line (empty
  paragraphs give blank lines), then each table's rows, cells joined by
  `` | ``.  Headers, footers, footnotes, comments and text boxes are not read.

Limits: multi-column PDF layouts come out column by column only as far as
pdfminer's box order gets them right; running heads and page numbers are
read as text (short lines without a sentence: headlines to claimex, never
claims).
"""

from __future__ import annotations

import io

__all__ = ["DOCUMENTS_EXTRA", "DocumentError", "docx_text", "pdf_text"]

DOCUMENTS_EXTRA = 'pip install "claimex[documents]"'


class DocumentError(ValueError):
    """A PDF or DOCX whose text cannot be read; the message says why, for the user."""


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF file's bytes (see the module doc)."""
    try:
        from pdfminer.high_level import extract_text
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError:
        raise DocumentError(f"reading PDF files needs the documents extra: {DOCUMENTS_EXTRA}") from None
    try:
        text = extract_text(io.BytesIO(data), laparams=LAParams())
    except PDFPasswordIncorrect:
        raise DocumentError("encrypted PDF: claimex cannot read it without its password") from None
    except Exception as error:  # pdfminer fails in many ways on damaged files
        raise DocumentError(f"could not read the PDF: {type(error).__name__}: {error}".rstrip(": ")) from None
    if not text.strip():
        raise DocumentError("PDF has no text layer (a scanned document? claimex does not do OCR)")
    return text


def docx_text(data: bytes) -> str:
    """The text of a DOCX file's bytes (see the module doc)."""
    try:
        import docx
    except ImportError:
        raise DocumentError(f"reading DOCX files needs the documents extra: {DOCUMENTS_EXTRA}") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # not a zip, not a Word document, damaged parts
        raise DocumentError(f"could not read the DOCX file: {type(error).__name__}: {error}".rstrip(": ")) from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines.append("")
        lines.extend(" | ".join(cell.text.strip() for cell in row.cells) for row in table.rows)
    return "\n".join(lines).strip("\n") + "\n"
