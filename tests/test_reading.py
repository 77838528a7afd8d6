"""Tests for claimex.io.reading: formats, doc_ids, decoding, errors, order."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimex.article import Article, InputError, Skipped
from claimex.io.html_worker import ExtractionFailed, HtmlExtractor
from claimex.io.reading import (
    DEFAULT_MAX_FILE_SIZE,
    NO_HTML_ARTICLE,
    NOT_TEXT,
    SUPPORTED_EXTENSIONS,
    check_paths,
    decode_bytes,
    expand_paths,
    format_size,
    iter_articles,
    normalize_date,
    parse_size,
    path_text,
    read_file,
    repair_text,
)

REPO = Path(__file__).resolve().parents[1]

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Dam plan approved</title>
<meta property="article:published_time" content="2024-05-02T09:00:00+02:00"></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Dam plan approved</h1>
<p>The regional council approved the new dam on the Vell river on Thursday after a two-year review of its effect on farms downstream.</p>
<p>“This is the cheapest water we will ever buy,” Water Commissioner Ruth Amsel said after the vote, adding that building would start in the autumn.</p>
<p>Farmers’ union chair Olek Brand said that compensation for flooded fields was still far too low and that his members would appeal.</p>
</article>
<footer><p>Copyright 2024 Valley Courier. Contact the newsroom.</p></footer>
</body></html>
"""

NO_ARTICLE_HTML = """<html><head><title>Site</title></head><body>
<nav><a href="/">Home</a> <a href="/a">About</a></nav>
<footer><p>© 2024 Example. All rights reserved.</p></footer></body></html>"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def read_all(*paths, **options) -> list:
    return list(iter_articles([str(p) for p in paths], **options))


def only(items: list):
    assert len(items) == 1, items
    return items[0]


def jsonl(*objects) -> str:
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects)


# --------------------------------------------------------------------------
# Formats


@pytest.mark.parametrize(
    ("name", "content", "expected_text"),
    [
        ("a.txt", "He said “yes”.\nShe said no.\n", "He said “yes”.\nShe said no.\n"),
        ("a.md", "# Title\n\n*Quote*: “hi”\n", "Title\n\nQuote: “hi”\n"),
        ("a.TXT", "upper-case extension", "upper-case extension"),
        ("a.txt", "windows\r\nline\rends\r\n", "windows\nline\nends\n"),
    ],
)
def test_plain_text_is_the_whole_file(tmp_path, name, content, expected_text):
    article = only(read_all(write(tmp_path / name, content)))
    assert isinstance(article, Article)
    assert article.text == expected_text
    assert article.doc_id == name
    assert article.published == ""
    assert article.source == str(tmp_path / name)


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
@pytest.mark.parametrize("name", ["page.html", "page.htm"])
def test_html_main_text_paragraphs_and_date(tmp_path, name):
    article = only(read_all(write(tmp_path / name, ARTICLE_HTML)))
    assert isinstance(article, Article)
    assert article.doc_id == name
    assert article.published == "2024-05-02"
    assert article.meta["title"] == "Dam plan approved"
    lines = article.text.split("\n")
    assert "“This is the cheapest water we will ever buy,” Water Commissioner Ruth Amsel said" in article.text
    assert any(line.startswith("Farmers’ union chair Olek Brand said that") for line in lines)
    assert any(line.startswith("The regional council approved") for line in lines)
    assert "Sport" not in article.text and "Copyright" not in article.text


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_html_without_article_is_an_error(tmp_path):
    error = only(read_all(write(tmp_path / "menu.html", NO_ARTICLE_HTML)))
    assert isinstance(error, InputError)
    assert error.reason == NO_HTML_ARTICLE


# A saved page with a reader's comment, which must not reach the text as a page's boilerplate.
COMMENTED_PAGE = ARTICLE_HTML.replace(
    "</article>",
    '</article><section id="comments"><div class="comment"><p>Jim said: “This council is a joke.”</p></div></section>',
)


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_a_page_saved_as_text_or_piped_in_is_read_as_a_page(tmp_path):
    html = only(read_all(write(tmp_path / "page.html", COMMENTED_PAGE)))
    saved = only(read_all(write(tmp_path / "page.txt", COMMENTED_PAGE)))
    piped = only(list(iter_articles(["-"], stdin=io.BytesIO(COMMENTED_PAGE.encode("utf-8")))))
    for article in (saved, piped):
        assert isinstance(article, Article)
        assert (article.text, article.published, article.meta) == (html.text, html.published, html.meta)
    assert "Jim said" not in saved.text and "Sport" not in saved.text
    assert saved.published == "2024-05-02"


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_a_json_field_holding_a_saved_page_is_read_as_a_page(tmp_path):
    html = only(read_all(write(tmp_path / "page.html", COMMENTED_PAGE)))
    objects = [
        {"id": "dated", "text": COMMENTED_PAGE, "date": "2024-06-01", "url": "https://example.com/dam"},
        {"id": "undated", "text": COMMENTED_PAGE},
        {"id": "menu", "text": NO_ARTICLE_HTML},
    ]
    dated, undated, menu = read_all(write(tmp_path / "crawl.json", json.dumps(objects)))
    assert dated.text == undated.text == html.text
    assert (dated.published, undated.published) == ("2024-06-01", "2024-05-02")  # the object's own date first
    assert dated.meta["url"] == "https://example.com/dam" and dated.meta["title"] == "Dam plan approved"
    assert isinstance(menu, InputError)
    assert menu.reason == f"object crawl.json#menu: {NO_HTML_ARTICLE}"


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_html_in_legacy_encoding(tmp_path):
    page = ARTICLE_HTML.replace('charset="utf-8"', 'charset="windows-1252"')
    article = only(read_all(write(tmp_path / "p.html", page.encode("cp1252"))))
    assert "“This is the cheapest water" in article.text


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("windows-1251", "«Мы построим плотину», — сказала министр Анна Петрова."),
        ("shift_jis", "「ダムを建設する」と大臣は述べた。"),
        ("iso-8859-1", "“Déjà vu,” said Zoë."),  # a Latin-1 label means cp1252, as in browsers
    ],
)
def test_html_declared_charset_is_used(tmp_path, charset, text):
    page = f'<html><head><meta charset="{charset}"></head><body><article><p>{text}</p></article></body></html>'
    article = only(read_all(write(tmp_path / "p.html", page.encode("cp1252" if charset == "iso-8859-1" else charset))))
    assert article.text == text


def test_json_object(tmp_path):
    obj = {"id": 7, "date": "2024-02-01", "title": "T", "text": "A “quote”, he said."}
    article = only(read_all(write(tmp_path / "one.json", json.dumps(obj))))
    assert article.doc_id == "one.json#7"
    assert article.text == "A “quote”, he said."
    assert article.published == "2024-02-01"
    assert article.meta == {"id": 7, "date": "2024-02-01", "title": "T"}


def test_json_object_without_id_is_the_file(tmp_path):
    article = only(read_all(write(tmp_path / "one.json", json.dumps({"text": "x"}))))
    assert article.doc_id == "one.json"


def test_json_array_ids_and_indexes(tmp_path):
    items = [{"id": "a1", "text": "first"}, {"text": "second"}, "not an object", {"id": "", "text": "fourth"}]
    results = read_all(write(tmp_path / "many.json", json.dumps(items)))
    assert [getattr(r, "doc_id", None) for r in results] == ["many.json#a1", "many.json#2", None, "many.json#4"]
    assert isinstance(results[2], InputError) and "item 3" in results[2].reason


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"text": "unterminated', "invalid JSON"),
        ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
        ("42", "neither an object nor an array"),
        ('{"id": ' + "9" * 5000 + ', "text": "x"}', "invalid JSON: a number of more than 4,300 digits"),
        ('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
    ],
)
def test_bad_json_file(tmp_path, content, expected):
    error = only(read_all(write(tmp_path / "bad.json", content)))
    assert isinstance(error, InputError) and expected in error.reason


def test_jsonl_ids_and_line_numbers(tmp_path):
    content = jsonl({"id": "x", "text": "one"}, {"text": "two"}) + "\n" + jsonl({"id": 5, "text": "four"})
    results = read_all(write(tmp_path / "sub" / "feed.jsonl", content))
    assert [r.doc_id for r in results] == ["feed.jsonl#x", "feed.jsonl#2", "feed.jsonl#5"]
    assert [r.text for r in results] == ["one", "two", "four"]


def test_malformed_jsonl_line_does_not_stop_the_file(tmp_path):
    content = jsonl({"text": "one"}) + "{not json\n" + "[1, 2]\n" + jsonl({"text": "four"})
    results = read_all(write(tmp_path / "feed.jsonl", content))
    assert [type(r) for r in results] == [Article, InputError, InputError, Article]
    assert (results[1].line, results[2].line) == (2, 3)
    assert str(results[1]).startswith(f"{tmp_path / 'feed.jsonl'}:2: invalid JSON")
    assert results[3].doc_id == "feed.jsonl#4" and results[3].text == "four"


@pytest.mark.parametrize("bad_value", [None, 12, ["a"]])
def test_missing_or_non_string_text_field(tmp_path, bad_value):
    obj = {"id": "q", "body": "the text"} if bad_value is None else {"id": "q", "text": bad_value}
    error = only(read_all(write(tmp_path / "f.jsonl", jsonl(obj))))
    assert isinstance(error, InputError)
    assert error.line == 1
    assert "'text'" in error.reason and "--text-field" in error.reason


def test_custom_field_names(tmp_path):
    obj = {"uid": "k9", "body": "Hello.", "when": "2023-12-31T23:59:59-08:00"}
    path = write(tmp_path / "f.jsonl", jsonl(obj))
    article = only(read_all(path, text_field="body", id_field="uid", date_field="when"))
    assert (article.doc_id, article.text, article.published) == ("f.jsonl#k9", "Hello.", "2023-12-31")


def test_nested_field_names_as_a_rest_api_exports_them(tmp_path):
    obj = {
        "id": 4312,
        "date": "2024-03-05T09:30:00",
        "title": {"rendered": "Flood barriers approved"},
        "content": {"rendered": "<p>One.</p>\n<p>&#8220;Two,&#8221; she said.</p>", "protected": False},
        "meta": {"source": {"id": "wire-7"}},
    }
    path = write(tmp_path / "posts.json", json.dumps([obj]))
    article = only(read_all(path, text_field="content.rendered"))
    assert (article.doc_id, article.text, article.published) == (
        "posts.json#4312",
        "One.\n\n“Two,” she said.",
        "2024-03-05",
    )
    assert "content" not in article.meta and article.meta["title"] == {"rendered": "Flood barriers approved"}
    article = only(read_all(path, text_field="content.rendered", id_field="meta.source.id"))
    assert article.doc_id == "posts.json#wire-7"
    # a key holding the dot itself comes first; a path that leads nowhere is the usual error
    dotted = write(tmp_path / "dotted.jsonl", jsonl({"content.rendered": "Flat.", "content": {"rendered": "Nested."}}))
    assert only(read_all(dotted, text_field="content.rendered")).text == "Flat."
    error = only(read_all(path, text_field="content.raw"))
    assert isinstance(error, InputError) and "'content.raw'" in error.reason and "content.rendered" in error.reason


def test_unparseable_date_kept_raw(tmp_path):
    article = only(read_all(write(tmp_path / "f.jsonl", jsonl({"text": "x", "date": "sometime soon"}))))
    assert article.published == ""
    assert article.meta["date_raw"] == "sometime soon"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00Z", "2024-03-05"),
        ("2024-03-05 23:30:00.123+01:00", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("March 3, 2024", "2024-03-03"),
        ("Tue, 05 Mar 2024 23:30:00 GMT", "2024-03-05"),
        ("2024-02-30", ""),
        ("yesterday", ""),
        ("March 2024", ""),
        ("", ""),
        (1709596800, ""),
        (None, ""),
    ],
)
def test_normalize_date(raw, expected):
    assert normalize_date(raw) == expected


# --------------------------------------------------------------------------
# Paths and doc_ids


def test_doc_ids_directory_nested_and_file(tmp_path):
    root = tmp_path / "raw"
    write(root / "a.txt", "a")
    write(root / "x" / "y" / "b.md", "b")
    write(root / "x" / "c.jsonl", jsonl({"id": 1, "text": "c"}))
    assert [r.doc_id for r in read_all(root)] == ["a.txt", "x/c.jsonl#1", "x/y/b.md"]
    assert [r.doc_id for r in read_all(root / "x" / "y" / "b.md")] == ["b.md"]
    assert [r.doc_id for r in read_all(root / "x")] == ["c.jsonl#1", "y/b.md"]


def test_hidden_files_and_directories_skipped(tmp_path):
    write(tmp_path / "keep.txt", "k")
    write(tmp_path / ".hidden.txt", "h")
    write(tmp_path / ".git" / "HEAD.txt", "g")
    write(tmp_path / "sub" / ".cache" / "c.txt", "c")
    assert [r.doc_id for r in read_all(tmp_path)] == ["keep.txt"]
    # an explicitly named hidden file is read
    assert only(read_all(tmp_path / ".hidden.txt")).text == "h"


def test_order_is_sorted_and_deterministic(tmp_path):
    for name in ["b/z.txt", "a.txt", "c.txt", "b/a.txt", "B.txt", "b.txt"]:
        write(tmp_path / name, name)
    first = [r.doc_id for r in read_all(tmp_path)]
    assert first == ["B.txt", "a.txt", "b/a.txt", "b/z.txt", "b.txt", "c.txt"]
    assert [r.doc_id for r in read_all(tmp_path)] == first
    assert [doc_id for _, doc_id in expand_paths([tmp_path])] == first


def test_paths_keep_the_order_given(tmp_path):
    a, b = write(tmp_path / "a.txt", "a"), write(tmp_path / "b.txt", "b")
    assert [r.text for r in read_all(b, a)] == ["b", "a"]


def test_missing_paths(tmp_path):
    present = write(tmp_path / "a.txt", "a")
    missing = tmp_path / "nope.txt"
    assert check_paths([str(present), "-", str(missing)]) == [str(missing)]
    with pytest.raises(FileNotFoundError):
        expand_paths([present, missing])  # raises before iterating
    results = read_all(missing, present)
    assert isinstance(results[0], InputError) and results[0].reason == "no such file or directory"
    assert results[1].text == "a"


def test_expand_paths_stdin_and_all_extensions(tmp_path):
    write(tmp_path / "a.pdf", b"%PDF")
    write(tmp_path / "b.txt", "b")
    assert list(expand_paths(["-", tmp_path])) == [
        (None, "-"),
        (tmp_path / "a.pdf", "a.pdf"),
        (tmp_path / "b.txt", "b.txt"),
    ]


READS = ".txt .md .html .htm .json .jsonl .pdf .docx"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("slides.pptx", f"unsupported extension .pptx (claimex reads {READS})"),
        ("README", f"no file extension (claimex reads {READS})"),
    ],
)
def test_unsupported_extension_skipped_in_a_directory(tmp_path, name, reason):
    write(tmp_path / "in" / name, b"\x00\x01")
    skipped = only(read_all(tmp_path / "in"))
    assert isinstance(skipped, Skipped)
    assert skipped.reason == reason
    assert tuple(READS.split()) == SUPPORTED_EXTENSIONS


@pytest.mark.parametrize("name", ["slides.pptx", "README"])
def test_unsupported_file_named_explicitly_is_an_input_error(tmp_path, name):
    error = only(read_all(write(tmp_path / name, b"\x00\x01")))
    assert isinstance(error, InputError)
    assert error.reason.endswith(f"(claimex reads {READS})")


# --------------------------------------------------------------------------
# stdin


def test_stdin_is_one_plain_article():
    stream = io.BytesIO("“Hi,” she said.\r\n".encode())
    results = list(iter_articles(["-", "-"], stdin=stream))
    assert isinstance(results[0], Article)
    assert (results[0].doc_id, results[0].text) == ("-", "“Hi,” she said.\n")
    assert isinstance(results[1], InputError)


def test_stdin_binary_is_an_error():
    error = only(list(iter_articles(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))))
    assert isinstance(error, InputError) and error.reason == NOT_TEXT


# --------------------------------------------------------------------------
# Decoding

QUOTED = "“Déjà vu,” said Zoë — it’s 5 €."


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + QUOTED.encode("utf-8"), id="utf-8-bom"),
        pytest.param(QUOTED.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(b"\xff\xfe" + QUOTED.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + QUOTED.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(QUOTED.encode("utf-32"), id="utf-32-bom"),
        pytest.param(b"\x00\x00\xfe\xff" + QUOTED.encode("utf-32-be"), id="utf-32-be-bom"),
        pytest.param(QUOTED.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(QUOTED.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(QUOTED.encode("cp1252"), id="cp1252"),
        pytest.param(QUOTED.encode("utf-8"), id="utf-8"),
    ],
)
def test_decoding_keeps_curly_quotes_and_accents(data):
    assert decode_bytes(data) == QUOTED


@pytest.mark.parametrize(
    "text",
    [
        "Zoë said: « Déjà vu » at the café in Malmö, a naïve façade.",
        "Il était très fière de sa mère, ça se voit à l’écran.",
        "“hi”",
        "café",
    ],
)
def test_legacy_code_pages(tmp_path, text):
    encoding = "latin-1" if "’" not in text and "“" not in text else "cp1252"
    article = only(read_all(write(tmp_path / "t.txt", text.encode(encoding))))
    assert article.text == text


def test_central_european_code_page():
    text = "Příliš žluťoučký kůň úpěl ďábelské ódy. Dobrý den, jak se máte? Řekl, že přijde zítra."
    assert decode_bytes(text.encode("cp1250")) == text


@pytest.mark.parametrize(
    ("mojibake", "repaired"),
    [
        ("â€œItâ€™s fine,â€\x9d she said.", "“It’s fine,” she said."),
        ("The cafÃ© opened â€œtodayâ€\x9d.", "The café opened “today”."),
    ],
)
def test_mojibake_repaired_and_curly_quotes_kept(tmp_path, mojibake, repaired):
    article = only(read_all(write(tmp_path / "m.txt", mojibake.encode("utf-8"))))
    assert article.text == repaired


@pytest.mark.parametrize(
    "unchanged",
    [
        '“Straight” and ‘curly’ quotes stay, as do "plain" ones.',
        "Ligatures ﬁ and ﬂ, full-width ＡＢＣ, &amp; entities stay.",
        "Decomposed e\u0301 stays decomposed; U+2028 stays\u2028here.",
    ],
)
def test_repair_changes_nothing_but_mojibake(unchanged):
    assert decode_bytes(unchanged.encode("utf-8")) == unchanged


def test_mojibake_inside_json_string_is_repaired(tmp_path):
    article = only(read_all(write(tmp_path / "f.jsonl", '{"text": "\\u00e2\\u20ac\\u0153Yes\\u00e2\\u20ac\\u009d"}\n')))
    assert article.text == "“Yes”"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", id="png"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00", id="zip"),
        pytest.param(bytes(range(1, 32)) * 4, id="control-chars"),
        pytest.param(b"\xef\xbb\xbfhello\x00world", id="nul-after-utf8-bom"),
    ],
)
def test_binary_content_is_not_text(tmp_path, data):
    with pytest.raises(ValueError, match="not a text file"):
        decode_bytes(data)
    error = only(read_all(write(tmp_path / "blob.txt", data)))
    assert isinstance(error, InputError) and error.reason == NOT_TEXT


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xef\xbb\xbfcaf\xe9", "invalid UTF-8"),
        (b"\xff\xfeA", "invalid UTF-16"),
        (b"\x00\x00\xfe\xff\x00\x11\x00\x00", "invalid UTF-32"),
    ],
)
def test_broken_bom_files(data, message):
    with pytest.raises(ValueError, match=message):
        decode_bytes(data)


def test_forced_encoding(tmp_path):
    path = write(tmp_path / "t.txt", "Přijde zítra".encode("cp1250"))
    assert only(read_all(path, encoding="cp1250")).text == "Přijde zítra"
    error = only(read_all(path, encoding="utf-8"))
    assert isinstance(error, InputError) and error.reason.startswith("cannot decode as utf-8")
    error = only(read_all(path, encoding="no-such-codec"))
    assert isinstance(error, InputError) and "unknown encoding" in error.reason
    assert decode_bytes(b"\xef\xbb\xbfabc", encoding="utf-8") == "abc"


@pytest.mark.parametrize("name", ["e.txt", "e.md", "e.html", "e.json", "e.jsonl"])
def test_empty_file_is_an_empty_article(tmp_path, name):
    article = only(read_all(write(tmp_path / name, b"")))
    assert isinstance(article, Article)
    assert (article.doc_id, article.text) == (name, "")


# --------------------------------------------------------------------------
# Unreadable files


def test_vanished_file_and_directory_race(tmp_path):
    gone = read_file(tmp_path / "gone.txt", "gone.txt")
    error = only(list(gone))
    assert isinstance(error, InputError) and error.reason == "No such file or directory"
    (tmp_path / "now_a_dir.txt").mkdir()
    error = only(list(read_file(tmp_path / "now_a_dir.txt", "now_a_dir.txt")))
    assert isinstance(error, InputError) and "directory" in error.reason


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path):
    path = write(tmp_path / "secret.txt", "s")
    path.chmod(0)
    try:
        error = only(read_all(path))
    finally:
        path.chmod(0o600)
    assert isinstance(error, InputError) and error.reason == "Permission denied"


def test_os_error_reason_is_reported(tmp_path, monkeypatch):
    path = write(tmp_path / "secret.txt", "s")

    real_open = os.open

    def refuse(file, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    error = only(read_all(path))
    assert isinstance(error, InputError) and error.reason == "Permission denied"


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_one_bad_file_does_not_stop_the_rest(tmp_path):
    write(tmp_path / "1.txt", "first")
    write(tmp_path / "2.txt", b"\x00\x01\x02\x03binary")
    write(tmp_path / "3.xyz", "skip me")
    write(tmp_path / "4.html", NO_ARTICLE_HTML)
    write(tmp_path / "5.txt", "last")
    kinds = [type(r).__name__ for r in read_all(tmp_path)]
    assert kinds == ["Article", "InputError", "Skipped", "InputError", "Article"]


# --------------------------------------------------------------------------
# Sample inputs in the repository


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_sample_inputs_read():
    html = only(read_all(REPO / "data" / "raw" / "sample_article.html"))
    assert isinstance(html, Article) and html.published.startswith("2024-")
    assert "Environment Minister Jane Doe said" in html.text and "“" in html.text
    assert "According to" in html.text and "said that" in html.text
    export = read_all(REPO / "data" / "raw" / "sample_export.jsonl")
    assert [type(a) for a in export] == [Article, Article]
    assert all(a.published and "“" in a.text and "\n\n" in a.text for a in export)


# --------------------------------------------------------------------------
# Properties

# Text a file could hold: no surrogates, no control characters but whitespace.
text_chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\r")
texts = st.text(text_chars, max_size=200)
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(texts, st.sampled_from(["utf-8-sig", "utf-16", "utf-32"]))
def test_text_with_bom_round_trips(text, encoding):
    assert decode_bytes(text.encode(encoding)) == repair_text(text)


@PROPERTY_SETTINGS
@given(texts)
def test_utf8_without_bom_round_trips(text):
    assume(not text.startswith("\ufeff"))  # would read as a BOM
    assert decode_bytes(text.encode("utf-8")) == repair_text(text)


# Characters ftfy has no reason to touch: ASCII, curly quotes, dashes, CJK,
# emoji. Letters such as é, ö, ж, λ are left out: next to “ or » they can
# read as a UTF-8 lead byte in a legacy code page, and ftfy then "repairs".
safe_chars = st.sampled_from(list("abcXYZ019 .,;:!?'\"()-\n") + list("“”‘’—–…«»€") + ["東", "京", "😀"])


@PROPERTY_SETTINGS
@given(st.text(safe_chars, max_size=120), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_clean_text_comes_back_unchanged(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


@PROPERTY_SETTINGS
@given(st.binary(max_size=300), st.sampled_from([None, None, "utf-8", "cp1252", "utf-16", "bogus"]))
def test_decode_bytes_raises_only_value_error(data, encoding):
    try:
        result = decode_bytes(data, encoding)
    except ValueError:
        return
    assert isinstance(result, str)
    assert "\x00" not in result


def test_dangling_symlink_in_a_folder_is_an_error_not_a_silent_skip(tmp_path):
    write(tmp_path / "a.txt", "a")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "real").mkdir()
    (tmp_path / "c").symlink_to(tmp_path / "real", target_is_directory=True)  # symlinked folders are not followed
    results = list(iter_articles([tmp_path]))
    assert [type(r) for r in results] == [Article, InputError, Skipped]
    assert results[1].reason.startswith("broken symbolic link") and results[1].source.endswith("b.txt")


def _socket(path: Path) -> None:
    import socket

    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))


# A folder's entries that are no input are skipped with the reason (-v lists them), never read or waited on.
FOLDER_ENTRIES = [
    ("pipe.txt", os.mkfifo, "not a regular file (a named pipe)"),
    ("sock.txt", _socket, "not a regular file (a socket)"),
    ("zero.txt", lambda p: os.symlink("/dev/zero", p), "not a regular file (a character device)"),
    ("loop", lambda p: os.symlink(".", p), "a link to a folder (links to folders are not followed"),
    ("up", lambda p: os.symlink("..", p), "a link to a folder"),
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize(("name", "make", "reason"), FOLDER_ENTRIES)
def test_special_entries_in_a_folder_are_skipped_with_a_reason(tmp_path, name, make, reason):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a.txt", "a")
    make(folder / name)
    results = list(iter_articles([folder]))
    assert [type(r) for r in results] == [Article, Skipped], results
    assert results[1].source == str(folder / name) and results[1].reason.startswith(reason)


# --------------------------------------------------------------------------
# Limits and hostile inputs (issue 21)

LIMIT = 1000


@pytest.mark.parametrize("name", ["big.txt", "big.md", "big.html", "big.json"])
def test_a_file_over_the_size_limit_is_an_error(tmp_path, name):
    path = write(tmp_path / name, b"a" * (LIMIT + 1))
    error = only(read_all(path, max_file_size=LIMIT))
    assert isinstance(error, InputError)
    assert error.reason.startswith("1001 bytes, more than the limit of 1000 bytes per input")
    assert "--max-file-size" in error.reason


def test_a_file_at_the_size_limit_is_read_and_the_default_is_documented(tmp_path):
    path = write(tmp_path / "exact.txt", b"a" * LIMIT)
    assert only(read_all(path, max_file_size=LIMIT)).text == "a" * LIMIT
    assert only(read_all(write(tmp_path / "x.txt", b"a" * (LIMIT + 1)), max_file_size=None)).text
    assert DEFAULT_MAX_FILE_SIZE == 32 * 1024 * 1024
    assert "`--max-file-size SIZE` (default 32 MB;" in (REPO / "README.md").read_text(encoding="utf-8")


def test_a_jsonl_line_over_the_limit_is_one_error_and_the_rest_is_read(tmp_path):
    content = jsonl({"text": "one"}) + jsonl({"text": "x" * (5 * LIMIT)}) + jsonl({"text": "three"})
    results = read_all(write(tmp_path / "feed.jsonl", content), max_file_size=LIMIT)
    assert [r.doc_id for r in results if isinstance(r, Article)] == ["feed.jsonl#1", "feed.jsonl#3"]
    error = results[1]
    assert isinstance(error, InputError) and error.line == 2
    assert error.reason.startswith("more than the limit of 1000 bytes per line")


def test_a_jsonl_file_larger_than_the_limit_is_read_line_by_line(tmp_path):
    content = "".join(jsonl({"id": i, "text": f"Article {i}."}) for i in range(200))
    assert len(content) > 5 * LIMIT
    results = read_all(write(tmp_path / "feed.jsonl", content), max_file_size=LIMIT)
    assert [r.text for r in results] == [f"Article {i}." for i in range(200)]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(jsonl({"text": "Zoë"}).encode("utf-16"), ["Zoë"], id="utf-16-read-whole"),
        pytest.param(b"\xef\xbb\xbf" + jsonl({"text": "a"}, {"text": "b"}).encode(), ["a", "b"], id="utf-8-bom"),
        pytest.param(
            b'{"text": "caf\xe9"}\n{"text": "\xc3\xa9t\xc3\xa9"}\n', ["café", "été"], id="cp1252-and-utf-8-lines"
        ),
        pytest.param(b'{"text": "a"}\r\n{"text": "b"}', ["a", "b"], id="crlf-no-final-newline"),
    ],
)
def test_jsonl_encodings_line_by_line(tmp_path, data, expected):
    assert [r.text for r in read_all(write(tmp_path / "f.jsonl", data))] == expected


def test_a_binary_jsonl_file_is_one_error(tmp_path):
    data = bytes(range(1, 32)) * 200 + b"\n" + bytes(range(1, 9)) * 500
    assert only(read_all(write(tmp_path / "blob.jsonl", data))).reason == NOT_TEXT


class Endless(io.RawIOBase):
    """``yes``: an endless stream that counts what was read from it."""

    def __init__(self):
        self.served = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
        self.served += len(buffer)
        return len(buffer)


def test_endless_stdin_is_an_error_after_the_limit():
    stream = Endless()
    error = only(list(iter_articles(["-"], stdin=io.BufferedReader(stream), max_file_size=10 * LIMIT)))
    assert isinstance(error, InputError) and error.source == "<stdin>"
    assert error.reason.startswith("more than the limit of 9.766 KB per input (raise it with --max-file-size")
    assert stream.served <= 10 * LIMIT + io.DEFAULT_BUFFER_SIZE


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_txt_link_to_a_device_is_not_read(tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    error = only(read_all(tmp_path / "zero.txt"))
    assert isinstance(error, InputError)
    assert error.reason.startswith("not a regular file (a character device)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_given_as_path_does_not_block(tmp_path):
    import threading

    os.mkfifo(tmp_path / "pipe.txt")
    results: list = []
    reader = threading.Thread(target=lambda: results.extend(read_all(tmp_path / "pipe.txt")), daemon=True)
    reader.start()
    reader.join(30)
    if reader.is_alive():  # unblock the reader so the test process can end
        with open(tmp_path / "pipe.txt", "wb"):
            pass
        pytest.fail("reading a named pipe blocked")
    error = only(results)
    assert isinstance(error, InputError) and error.reason.startswith("not a regular file (a named pipe)")


def test_nul_characters_never_reach_text_or_ids(tmp_path):
    path = write(tmp_path / "n.jsonl", '{"id": "a\\u0000b", "text": "We\\u0000 agree.", "title": "x"}\n')
    article = only(read_all(path))
    assert (article.doc_id, article.text) == ("n.jsonl#ab", "We agree.")
    assert repair_text("a\x00b\ud800") == "ab\ufffd"


def test_non_utf8_file_names_are_text(tmp_path):
    name = os.fsdecode(b"caf\xff.txt")
    write(tmp_path / "in" / name, "“Yes,” she said.")
    write(tmp_path / "in" / os.fsdecode(b"bad\xfe.json"), "[1]")
    error, article = read_all(tmp_path / "in")
    assert article.doc_id == "caf\\xff.txt" and article.source.endswith("caf\\xff.txt")
    assert error.source.endswith("bad\\xfe.json")
    for text in (article.doc_id, article.source, str(error)):
        text.encode("utf-8")  # never a lone surrogate
    assert [doc_id for _, doc_id in expand_paths([tmp_path / "in" / name])] == ["caf\\xff.txt"]
    assert path_text(os.fsdecode(b"/a/\xff\xfe")) == "/a/\\xff\\xfe" and path_text("plain/é") == "plain/é"


@pytest.mark.parametrize(
    ("text", "size"),
    [("32M", 32 * 2**20), ("500k", 500 * 1024), ("1.5G", 3 * 2**29), ("20000", 20000), ("64 MiB", 64 * 2**20)],
)
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-1", "12X", "1e6"])
def test_parse_size_rejects(text):
    with pytest.raises(ValueError, match="not a size"):
        parse_size(text)


def test_parse_size_zero_is_no_limit():
    assert parse_size("0") is None
    assert format_size(DEFAULT_MAX_FILE_SIZE) == "32 MB"


# 40,000 paragraphs: about 3 s of trafilatura (grows faster than the page; 16 MB took 92 s).
SLOW_PAGE = "<html><body><article>" + "".join(
    f"<p>The minister said it grew by {i} percent.</p>" for i in range(40_000)
)


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_html_extraction_is_stopped_at_the_time_limit_and_the_next_page_is_read(tmp_path):
    import time

    slow, good = write(tmp_path / "slow.html", SLOW_PAGE), write(tmp_path / "good.html", ARTICLE_HTML)
    started = time.process_time()
    error, article = read_all(slow, good, html_timeout=0.2)
    assert isinstance(error, InputError) and error.source == str(slow)
    assert error.reason.startswith("the HTML page's main text was not extracted within 0.2 s")
    assert "--html-timeout" in error.reason
    assert isinstance(article, Article) and "Ruth Amsel" in article.text
    assert time.process_time() - started < 2  # the extraction ran in another process


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
def test_a_dying_html_helper_is_an_error_and_replaced():
    import signal
    import threading

    extractor = HtmlExtractor()
    try:
        helper = extractor.helper_pid(start=True)
        outcome: list = []

        def extract():
            try:
                outcome.append(extractor.extract(SLOW_PAGE, None))
            except ExtractionFailed as error:
                outcome.append(error)

        worker = threading.Thread(target=extract, daemon=True)
        worker.start()
        worker.join(0.5)  # well inside the seconds the page takes
        os.kill(helper, signal.SIGKILL)
        worker.join(60)
        assert isinstance(outcome[0], ExtractionFailed) and "killed (SIGKILL" in str(outcome[0])
        assert "Ruth Amsel" in extractor.extract(ARTICLE_HTML, 60).text
        assert extractor.helper_pid() not in (None, helper)
    finally:
        extractor.close()
    assert extractor.helper_pid() is None


SAID = "“We will not accept any delay in the talks,” said Maria Lopez, the finance minister of Spain."
# (page, what its text must hold); the code blocks are dropped before parsing only when over a megabyte
HUGE_CODE_PAGES = [
    ("<html><body><script>" + "var x=1;" * 1_500_000 + "</script><p>" + SAID + "</p></body></html>", SAID),
    ("<html><head><style>" + "a{}" * 4_000_000 + "</style></head><body><p>" + SAID + "</p></body></html>", SAID),
    ("<html><body><p>" + SAID + "</p><SCRIPT type='x'>" + "y" * 11_000_000, SAID),  # never closed
]


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
@pytest.mark.parametrize(("page", "expected"), HUGE_CODE_PAGES)
def test_a_huge_script_or_style_does_not_hide_the_text(tmp_path, page, expected):
    article = only(read_all(write(tmp_path / "page.html", page)))
    assert isinstance(article, Article), article
    assert expected in article.text


@pytest.mark.parametrize(
    "page",
    [
        "<p>short</p><script>var x;</script>",  # small: as it was
        '<script type="application/ld+json">{"datePublished": "2024-05-02"}</script>' + "<p>x</p>" * 200_000,
        "<script " * 300_000,  # opened and never finished: linear, unchanged
    ],
)
def test_small_code_blocks_are_kept(page):
    from claimex.io.html_extract import _without_huge_code

    assert _without_huge_code(page) == page


# (page, what its text must hold): libxml2 stops at 256 levels of nesting and dropped every word after that point
DEEP_PAGES = [
    ("<html><body><p>Before.</p>" + "<font size=2>" * 300 + "<p>" + SAID + "</p></body></html>", SAID),  # never closed
    ("<html><body>" + "<div>" * 5000 + "<p>" + SAID + "</p>" + "</div>" * 5000 + "</body></html>", SAID),
    ("<html><body>" + "<div>" * 300 + "<p>Deep.</p>" + "</div>" * 300 + "<p>" + SAID + "</p></body></html>", SAID),
]


@pytest.mark.subprocess  # HTML is read in a helper process (claimex.io.html_worker)
@pytest.mark.parametrize(("page", "expected"), DEEP_PAGES)
def test_text_past_a_deep_nesting_is_read(tmp_path, page, expected):
    article = only(read_all(write(tmp_path / "page.html", page)))
    assert isinstance(article, Article), article
    assert expected in article.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<div>" * 150 + "<p>x</p>" + "</div>" * 150 + "</body></html>",  # deep, within the limit
        "<p>a" * 5000 + "<li>b" * 5000 + "<br>" * 5000,  # elements the next one closes, and void ones: flat
        "<script>" + "'<div>'+" * 5000 + "</script><p>x</p>",  # tags inside a script are not the page's
        "<a" * 300_000,  # never finished: linear, unchanged
    ],
)
def test_pages_within_the_depth_limit_are_unchanged(page):
    from claimex.io.html_extract import _within_depth

    assert _within_depth(page) is page


# Lines mixing ASCII and mojibake, one to thousands: repair_text hands ftfy only the lines beyond ASCII.
mojibake_lines = st.lists(
    st.sampled_from(["plain words", "", "cafÃ©", "â€œquotedâ€\x9d", "Â\xa0x", "\t", "\x80abc", "naïve", "x" * 300]),
    max_size=40,
)


@PROPERTY_SETTINGS
@given(mojibake_lines, st.sampled_from(["\n", "\r\n", "\r"]))
def test_repair_is_ftfys_line_by_line(lines, ending):
    import ftfy

    from claimex.io.decoding import _MOJIBAKE_ONLY, valid_text

    text = ending.join(lines)
    expected = valid_text(ftfy.fix_text(text.replace("\r\n", "\n").replace("\r", "\n"), _MOJIBAKE_ONLY))
    assert repair_text(text) == expected
