"""Text as it comes: wrapped plain text, Markdown, PDF, DOCX and HTML pages the extractor misreads."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from claimex.article import Article, InputError
from claimex.io.html_extract import extract_html
from claimex.io.reading import NO_HTML_ARTICLE, iter_articles
from test_reflow import ARTICLE, BYLINE, PARAGRAPHS, TITLE
from wrapping import fold


def _quoted(text: str, marker: str, width: int = 72) -> str:
    """``text`` wrapped as a Markdown writer does: ``marker`` first, continuation lines marked or indented."""
    lines = fold(text, width - len(marker)).split("\n")
    follow = marker if marker.startswith(">") else " " * len(marker)
    return "\n".join([marker + lines[0], *(follow + line for line in lines[1:])])


MARKDOWN = f"""---
title: "{TITLE}"
date: 2024-05-02
---
# {TITLE}

*{BYLINE}*

{fold(PARAGRAPHS[0], 72)}

{_quoted(PARAGRAPHS[1], "> ")}

{_quoted(PARAGRAPHS[2], "- ")}
- See [the statement](https://example.org/statement) of the **Eurogroup**.

{fold(PARAGRAPHS[3], 72)}

![Photo: Bruno Lemaire arrives for the meeting](lemaire.jpg)
"""


def read_one(path: Path, **options):
    items = list(iter_articles([str(path)], **options))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_txt_is_read_as_its_paragraphs(tmp_path, width):
    path = tmp_path / "wire.txt"
    path.write_text(fold(ARTICLE, width), encoding="utf-8")
    assert read_one(path).text == ARTICLE


def test_wrapped_crlf_text_with_form_feeds(tmp_path):
    pages = fold("\n\n".join([TITLE, *PARAGRAPHS[:2]]), 70) + "\n\x0c" + fold("\n\n".join(PARAGRAPHS[2:]), 70)
    path = tmp_path / "wire.txt"
    path.write_bytes(pages.replace("\n", "\r\n").encode("utf-8"))
    text = read_one(path).text
    assert text == "\n\n".join([TITLE, *PARAGRAPHS[:2]]) + "\n\x0c" + "\n\n".join(PARAGRAPHS[2:])


def test_wrapped_stdin_is_reflowed():
    stdin = io.BytesIO(fold(ARTICLE, 72).encode("utf-8"))
    (article,) = iter_articles(["-"], stdin=stdin)
    assert article.text == ARTICLE


def test_markdown_is_read_as_markdown(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    blocks = article.text.split("\n\n")
    assert blocks[:5] == [TITLE, BYLINE, PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]]  # wrapped lines joined
    assert blocks[5:7] == ["See the statement of the Eurogroup.", PARAGRAPHS[3] + "\n"]
    assert "Photo" not in article.text and "https://" not in article.text and "*" not in article.text
    assert article.published == "2024-05-02"
    assert article.meta == {"title": TITLE}


def test_markdown_line_endings_inside_a_paragraph_are_spaces_hard_breaks_stay(tmp_path):
    sentences = PARAGRAPHS[3].replace(". “", ".\n“")  # one sentence to a line, as some writers keep Markdown
    path = tmp_path / "notes.md"
    path.write_text(f"{sentences}\n\nFirst line  \nsecond line\n", encoding="utf-8")
    assert read_one(path).text == PARAGRAPHS[3] + "\n\nFirst line\nsecond line\n"


# (nesting, what the text must hold): CommonMark's preset stopped at 20 levels and dropped the rest of the document
DEEP_MARKDOWN = [
    ("".join("  " * i + "- point\n" for i in range(12)) + "\n", PARAGRAPHS[3]),  # an outline ten levels deep
    ("> " * 300 + "“We will win,” the quoted mayor said.\n\n", "the quoted mayor said"),
    ("> " * 20_000 + "“We will win,” the quoted mayor said.\n\n", "the quoted mayor said"),  # past the recursion
    # limit: the text as written, markers and all
]


@pytest.mark.parametrize(("nesting", "expected"), DEEP_MARKDOWN)
def test_markdown_after_deep_nesting_is_read(tmp_path, nesting, expected):
    path = tmp_path / "outline.md"
    path.write_text(nesting + PARAGRAPHS[3] + "\n", encoding="utf-8")
    text = read_one(path).text
    assert expected in text and PARAGRAPHS[3] in text


def _pdf(paragraphs: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    story = [Paragraph(text, styles["Title"] if k == 0 else styles["BodyText"]) for k, text in enumerate(paragraphs)]
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def test_pdf_press_release_is_read_and_reflowed(tmp_path):
    pytest.importorskip("pdfminer")
    pytest.importorskip("reportlab")
    path = tmp_path / "release.pdf"
    path.write_bytes(_pdf([TITLE, *PARAGRAPHS]))
    text = read_one(path).text
    for paragraph in PARAGRAPHS:
        assert paragraph in text  # typeset over several lines, joined again
    assert text.startswith(TITLE + "\n")


def test_scanned_pdf_without_text_layer_is_an_input_error(tmp_path):
    pytest.importorskip("pdfminer")
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(72, 72, 300, 500, fill=1)  # a scan is an image: no text to extract
    page.showPage()
    page.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    error = read_one(path)
    assert isinstance(error, InputError)
    assert "no text layer" in error.reason


def test_damaged_pdf_is_an_input_error(tmp_path):
    pytest.importorskip("pdfminer")
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n this is not a PDF at all \n%%EOF")
    error = read_one(path)
    assert isinstance(error, InputError) and "PDF" in error.reason


@pytest.mark.parametrize(("name", "module"), [("release.pdf", "pdfminer"), ("transcript.docx", "docx")])
def test_without_the_documents_extra_the_error_names_the_install_command(tmp_path, monkeypatch, name, module):
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    if module == "pdfminer":
        for submodule in ("pdfminer.high_level", "pdfminer.layout", "pdfminer.pdfdocument"):
            monkeypatch.setitem(sys.modules, submodule, None)
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 not empty")
    error = read_one(path)
    assert isinstance(error, InputError)
    assert 'pip install "claimex[documents]"' in error.reason


def test_docx_transcript_is_read(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    path = tmp_path / "transcript.docx"
    document.save(path)
    assert read_one(path).text == "\n".join([TITLE, *PARAGRAPHS]) + "\n"


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>{body}</body></html>"


ARTICLE_PARAGRAPHS = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
CAPTION = "Bruno Lemaire said on Tuesday in Brussels that the talks had failed badly. Photo: AFP"


def test_page_whose_main_text_the_extractor_misses_is_read_by_the_fallbacks():
    # The story sits in a block named like a comment section, which trafilatura's precision settings drop.
    page = _page(
        f"<h1>{TITLE}</h1><div class='caption'>{CAPTION}</div>"
        f"<div id='comments' class='comment-section'>{ARTICLE_PARAGRAPHS}</div>"
    )
    extracted = extract_html(page)
    assert extracted is not None and not extracted.warning
    for paragraph in PARAGRAPHS:
        assert paragraph in extracted.text
    assert "Photo: AFP" not in extracted.text  # a caption is never read, so never a claim


def test_figure_captions_and_credits_are_never_read():
    page = _page(
        f"<article><h1>{TITLE}</h1><figure><img src='a.jpg'><figcaption>{CAPTION}</figcaption></figure>"
        f"{ARTICLE_PARAGRAPHS}<p class='photo-credit'>Reuters photographer Yves Herman said it rained.</p></article>"
    )
    extracted = extract_html(page)
    assert PARAGRAPHS[1] in extracted.text
    assert "Photo: AFP" not in extracted.text and "Herman" not in extracted.text


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_page_that_still_looks_wrong_is_read_with_a_warning(tmp_path):
    # Prose only in a script-built list of teasers no extractor keeps; the main text is one short line.
    teasers = "".join(f"<li><a href='/{k}'>{p}</a></li>" for k, p in enumerate(PARAGRAPHS * 2))
    page = _page(f"<main><h1>{TITLE}</h1><p>Live updates follow.</p></main><aside><ul>{teasers}</ul></aside>")
    path = tmp_path / "live.html"
    path.write_text(page, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.warnings and "main text looks incomplete" in article.warnings[0]


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_page_without_any_article_is_still_an_error(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Site</title></head><body></body></html>", encoding="utf-8")
    error = read_one(path)
    assert isinstance(error, InputError) and error.reason == NO_HTML_ARTICLE


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_normal_article_page_gets_no_warning(tmp_path):
    page = _page(
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{TITLE}</h1>{ARTICLE_PARAGRAPHS}</article>"
    )
    path = tmp_path / "story.html"
    path.write_text(page, encoding="utf-8")
    article = read_one(path)
    assert article.warnings == []
    assert PARAGRAPHS[3] in article.text


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_stray_control_characters_do_not_lose_the_page(tmp_path):
    # Browsers show such a page; lxml refuses any text XML forbids, so the reader drops them first.
    page = _page(f"<article><h1>{TITLE}</h1>{ARTICLE_PARAGRAPHS}</article>").replace("<h1>", "<h1>\x11\x0b")
    path = tmp_path / "story.html"
    path.write_text(page, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article), article
    assert PARAGRAPHS[3] in article.text and "\x11" not in article.text


# --------------------------------------------------------------------------
# With the model: a wrapped article gives the claims of the unwrapped one


@pytest.mark.model
@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_article_gives_the_same_claims(tmp_path, nlp, width):
    from claimex.api import extract

    (tmp_path / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "wrapped.txt").write_text(fold(ARTICLE, width), encoding="utf-8")
    plain = extract([tmp_path / "plain.txt"], nlp=nlp)
    wrapped = extract([tmp_path / "wrapped.txt"], nlp=nlp)
    assert len(plain) >= 4
    columns = ["speaker", "quote", "char_start", "char_end", "paragraph"]
    assert wrapped[columns].to_dict("records") == plain[columns].to_dict("records")
    text = read_one(tmp_path / "wrapped.txt").text
    for row in wrapped.itertuples():
        assert row.quote in text[row.char_start : row.char_end] or text[row.char_start : row.char_end] in row.quote


@pytest.mark.model
def test_quotation_split_across_wrapped_lines_is_one_claim(tmp_path, nlp):
    from claimex.api import extract

    story = fold(
        "“We will not accept rules that force our hospitals and schools to close,” French Finance Minister "
        "Bruno Lemaire told reporters in Brussels on Tuesday after the meeting of euro zone finance ministers.\n",
        60,
    )
    assert "“We will not accept" in story.split("\n")[0] and "close,”" in story.split("\n")[1]
    path = tmp_path / "short.txt"
    path.write_text(story, encoding="utf-8")
    (row,) = extract([path], nlp=nlp).itertuples()
    assert row.speaker == "Bruno Lemaire"
    assert row.quote.startswith("We will not accept rules that force our hospitals and schools to close")


# --------------------------------------------------------------------------
# The command line: nothing to read is an error; warnings are counted, failures with --strict


@pytest.fixture
def cli(nlp, monkeypatch):
    from typer.testing import CliRunner

    import claimex.api
    from claimex.cli import app

    monkeypatch.setattr(claimex.api, "load_pipeline", lambda *args, **kwargs: nlp)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


PREVIOUS = "claim_id,doc_id\nkept,from an earlier run\n"


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "stdout csv", "stdout tsv"])
@pytest.mark.parametrize("inputs", ["empty directory", "only empty and unsupported files", "only failures"])
def test_nothing_to_read_exits_1_and_leaves_the_previous_output(tmp_path, cli, inputs, fmt):
    corpus = tmp_path / "in"
    corpus.mkdir()
    if inputs == "only empty and unsupported files":
        (corpus / "empty.txt").write_text("")
        (corpus / "slides.pptx").write_bytes(b"PK")
    elif inputs == "only failures":
        (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / f"claims.{fmt.split()[-1]}"
    out.write_text(PREVIOUS, encoding="utf-8")
    result = cli("extract", corpus, "-o", "-" if "stdout" in fmt else out, "-f", fmt.split()[-1])
    assert result.exit_code == 1, result.output
    (line,) = [line for line in result.stderr.splitlines() if "no readable article" in line]
    assert line.startswith("claimex: error: no readable article among the inputs")
    assert line.endswith("nothing written to " + ("stdout" if "stdout" in fmt else str(out)))
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert result.stdout == ""  # not even a header line


@pytest.mark.model
def test_unsupported_file_named_explicitly_fails_even_quietly(tmp_path, cli):
    (tmp_path / "story.txt").write_text(PARAGRAPHS[1], encoding="utf-8")
    (tmp_path / "slides.pptx").write_bytes(b"PK")
    result = cli("extract", tmp_path / "story.txt", tmp_path / "slides.pptx", "-o", tmp_path / "o.csv", "-q")
    assert result.exit_code == 1
    assert f"{tmp_path / 'slides.pptx'}: unsupported extension .pptx" in result.stderr
    assert (tmp_path / "o.csv").exists()


@pytest.mark.model
def test_html_warning_is_counted_and_fails_with_strict(tmp_path, cli):
    teasers = "".join(f"<li><a href='/{k}'>{p}</a></li>" for k, p in enumerate(PARAGRAPHS * 2))
    page = _page(f"<main><h1>{TITLE}</h1><p>Live updates follow.</p></main><aside><ul>{teasers}</ul></aside>")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "live.html").write_text(page, encoding="utf-8")
    (tmp_path / "in" / "story.txt").write_text(fold(ARTICLE, 72), encoding="utf-8")
    result = cli("extract", tmp_path / "in", "-o", tmp_path / "o.csv", "-v")  # -v: the summary off a terminal
    assert result.exit_code == 0, result.output
    assert f"claimex: warning: {tmp_path / 'in' / 'live.html'}: the page's main text looks incomplete" in result.stderr
    assert "0 failed, 1 with warnings" in result.stderr
    strict = cli(
        "extract", tmp_path / "in", "-o", tmp_path / "o.csv", "--strict", "--errors", tmp_path / "e.jsonl", "-v"
    )
    assert strict.exit_code == 1
    assert "1 failed, 1 with warnings" in strict.stderr
    assert "live.html" in (tmp_path / "e.jsonl").read_text(encoding="utf-8")
