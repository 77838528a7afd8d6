"""HTML in an export's text field or a .txt file is read as HTML (claimex.io.markup_text): no tag reaches a row."""

from __future__ import annotations

import json

import pytest

import claimex.api
from claimex.io.markup_text import as_text, holds_markup, is_html_document, markup_text
from claimex.io.reading import read_file

# (text, whether it holds markup)
MARKUP = [
    ("<p>One.</p><p>Two.</p>", True),
    ("He said <b>no</b>.", True),
    ("line one<br>line two<br>", True),
    ('<p>A <a href="https://example.com/x">link</a></p>', True),
    ("<DIV>Upper case</DIV><BR>", True),
    # what must be read as written
    ("", False),
    ("Plain prose with no markup at all.", False),
    ("a < b and c > d, as the formula says", False),
    ("The <div> and <span> elements are mentioned, never used", False),  # no tag closed
    ('<tweet author="x">Not an HTML element</tweet> <tweet/>', False),  # PolNeAR's markup
    ("<Trump> said <Clinton>", False),
    ("I <3 New York, she wrote.", False),
]


@pytest.mark.parametrize("text, expected", MARKUP)
def test_holds_markup(text, expected):
    assert holds_markup(text) is expected


# (text with no markup, as read)
# (text, whether it is a whole saved page, which the page reader takes, rather than a fragment)
DOCUMENTS = [
    ("<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", True),
    ("<!doctype HTML><title>x</title><p>Hi", True),
    ("\ufeff  \n<html lang='en'><body>Hi</body></html>", True),
    ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">', True),
    ("<!-- saved from url=(0029)https://example.com/ -->\n<html>\n<head></head></html>", True),
    ("<html>", True),
    # fragments, and text that only names the element
    ("<p>The mayor said the plan would fail.</p>", False),
    ("<div><html>", False),
    ("<htmlish>Hi</htmlish>", False),
    ("The page opened with <html> and nothing else.", False),
    ("Notes\n<!DOCTYPE html><html><body>Hi</body></html>", False),
    ("<!doctype>", False),
    ("", False),
]


@pytest.mark.parametrize("text, expected", DOCUMENTS)
def test_is_html_document(text, expected):
    assert is_html_document(text) is expected


REFERENCES = [
    ("&#8220;We will not wait,&#8221; said Ana Ruiz.", "“We will not wait,” said Ana Ruiz."),
    ("The mayor&rsquo;s office &amp; the council", "The mayor’s office & the council"),
    ("Caf&eacute; &#x2019;", "Café ’"),
    # what must stay as written
    ("AT&T and R&D said so; Q&A", "AT&T and R&D said so; Q&A"),
    (
        "&foo; is no reference, &amp without its semicolon stays",
        "&foo; is no reference, &amp without its semicolon stays",
    ),
]


def test_text_without_markup_is_returned_as_it_is():
    text = "“We will rebuild,” the mayor said <on Tuesday>."
    assert as_text(text) is text


# (HTML, its text)
AS_TEXT = [
    ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
    ("He said <b>the plan</b> would <i>fail</i>.", "He said the plan would fail."),
    ("<p>Costs rose by 3&nbsp;% &amp; more &#8212; a lot.</p>", "Costs rose by 3 % & more — a lot."),
    ("<p>Before.</p><script>var said = 'x';</script><style>p {}</style><p>After.</p>", "Before.\n\nAfter."),
    # captions and credit lines are never claims
    (
        '<p>Before.</p><figure><img src="a.jpg"><figcaption>The mayor said it is over. Photo: AP</figcaption>'
        "</figure><p>After.</p>",
        "Before.\n\nAfter.",
    ),
    ('<p>Before.</p><p class="photo-credit">Photo: Reuters</p><p>After.</p>', "Before.\n\nAfter."),
    ('<p>Before.</p><div class="image-caption">Ana Ruiz speaks.</div><p>After.</p>', "Before.\n\nAfter."),
    # markup all inline: the text's own line breaks stay its paragraphs, a stray closing tag goes too
    (
        'Paragraph one, with <a href="https://example.com">a link</a>.\nParagraph two.\n\nA <b>third</b>.</a>',
        "Paragraph one, with a link.\nParagraph two.\n\nA third.",
    ),
]


@pytest.mark.parametrize("text, expected", REFERENCES + AS_TEXT)
def test_text_as_read(text, expected):
    assert as_text(text) == expected


def test_pathological_markup_gives_text_without_failing():
    deep = "<div>" * 100_000 + "lost below libxml2's depth limit" + "</div>" * 100_000
    assert isinstance(markup_text(deep), str)
    big = "<p>He said <b>the economy</b> grew.</p>" * 20_000
    assert markup_text(big).count("He said the economy grew.") == 20_000
    lines = "<b>Ruiz</b> said the talks would go on.\n" * 20_000  # inline markup: one parse, not one a line
    assert markup_text(lines).split("\n") == ["Ruiz said the talks would go on."] * 20_000


BODY = (
    '<p>The mayor said <b>the plan</b> would fail, and <a href="https://example.com">critics</a> agreed that '
    "the cost was “far too high.”</p>"
    '<figure><img src="a.jpg"><figcaption>Ana Ruiz said the storm was over. Photo: AP</figcaption></figure>'
    "<p>“We will not wait for the storm season,” said Ana Ruiz, the finance minister.</p>"
)
BODY_TEXT = markup_text(BODY)


def test_an_exports_html_body_is_read_as_text(tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BODY}) + "\n", encoding="utf-8")
    (article,) = list(read_file(path, "export.jsonl"))
    assert article.text == BODY_TEXT
    assert "<" not in article.text and "Photo: AP" not in article.text


def test_a_text_file_of_markup_is_read_as_text(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(BODY, encoding="utf-8")
    (article,) = list(read_file(path, "page.txt"))
    assert article.text == BODY_TEXT


@pytest.mark.model
def test_no_tag_reaches_a_row_and_offsets_point_into_the_text_as_read(nlp, tmp_path):
    path = tmp_path / "export.jsonl"
    path.write_text(json.dumps({"id": "a", "text": BODY}) + "\n", encoding="utf-8")
    rows = claimex.api.extract([path], nlp=nlp, kinds="all").to_dict("records")
    assert {r["speaker"] for r in rows} >= {"Ana Ruiz", "critics"}
    assert not any("<" in r["speaker"] + r["quote"] or ">" in r["quote"] for r in rows)
    assert not any("storm was over" in r["quote"] for r in rows)  # the caption
    ruiz = next(r for r in rows if r["speaker"] == "Ana Ruiz")
    assert BODY_TEXT[ruiz["char_start"] : ruiz["char_end"]] == ruiz["quote"]
