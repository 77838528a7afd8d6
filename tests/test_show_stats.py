"""claimex show and claimex stats: terminal output, self-contained HTML pages, errors, a real browser."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.io.atomic import write_text_atomic
from claimex.io.writing import open_table_writer
from claimex.report.pages import (
    UNKNOWN_MONTH,
    bar_chart_svg,
    column_chart_svg,
    month_of,
    stats_html,
    summarize,
    timeline,
)
from claimex.table import read_table, to_frame

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
ARTICLE = RAW / "003_cdc969f03aac275d.txt"
runner = CliRunner()

# Anything a page could load from the network: src/href/action to a URL, CSS imports and url(), protocol-relative.
NETWORK_REFERENCE = re.compile(
    r"""(?:\b(?:src|href|action|poster|data|srcset)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|@import|url\(\s*["']?\s*(?:https?:)?//|<script|<link\b|<iframe|<object|<embed""",
    re.IGNORECASE,
)


def assert_offline(page: str) -> None:
    assert "http://" not in page and "https://" not in page
    assert not NETWORK_REFERENCE.search(page), NETWORK_REFERENCE.search(page)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    """The sample articles' claims in every format (extracted once, then rewritten)."""
    out = tmp_path_factory.mktemp("tables")
    csv = out / "claims.csv"
    result = runner.invoke(app, ["extract", str(RAW), "-o", str(csv), "-q"])
    assert result.exit_code == 0, result.output
    rows = read_table(csv).to_dict("records")
    paths = {"csv": csv}
    for fmt, ext in (("tsv", "tsv"), ("jsonl", "jsonl"), ("parquet", "parquet"), ("xlsx", "xlsx"), ("sqlite", "db")):
        paths[fmt] = out / f"claims.{ext}"
        with open_table_writer(paths[fmt], fmt) as writer:
            writer.write(rows)
    return paths


@pytest.fixture(scope="module")
def pages(tmp_path_factory, tables):
    """The show and stats HTML pages, written by the CLI."""
    out = tmp_path_factory.mktemp("pages")
    show, stats = out / "show.html", out / "stats.html"
    result = runner.invoke(app, ["show", str(ARTICLE), "--format", "html", "-o", str(show)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["stats", str(tables["csv"]), "--html", str(stats)])
    assert result.exit_code == 0, result.output
    return {"show": show, "stats": stats}


# -- show -------------------------------------------------------------------------


@pytest.mark.model
def test_show_terminal_marks_claims_with_speakers_then_lists_them():
    result = runner.invoke(app, ["show", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    out = result.stdout.replace("\u00a0", " ")  # labels are held together by no-break spaces
    assert "Hua Chunying #1" in out and "Bashar Assad #5" in out
    assert "[headline]" in out and "[boilerplate] World" in out  # cleaning's paragraph kinds are shown
    assert "Claims in 003_cdc969f03aac275d.txt" in out
    assert "5,000 Chinese militants" in out
    assert out.index("Hua Chunying #1") < out.index("Claims in")


@pytest.mark.model
def test_show_html_page(pages):
    page = pages["show"].read_text(encoding="utf-8")
    assert_offline(page)
    assert page.count("<mark ") >= 7
    assert 'class="who"' in page and "Hua Chunying<sup>1</sup>" in page
    assert "<h2>Claims</h2>" in page and "approximately 5,000 Chinese militants" in page
    assert not list(pages["show"].parent.glob(".*.tmp"))


@pytest.mark.model
def test_show_html_to_stdout_and_format_inferred_from_output():
    result = runner.invoke(app, ["show", str(ARTICLE), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert_offline(result.stdout)
    assert "<mark " in result.stdout


@pytest.mark.model
def test_show_escapes_article_text(tmp_path):
    article = tmp_path / "evil.txt"
    article.write_text(
        "Officials met on Monday.\n\n"
        "“Nobody will <img src=x onerror=alert('x')> win this & that,” Jane Doe said on Tuesday.\n",
        encoding="utf-8",
    )  # one tag is text, not markup (claimex.io.markup_text): it reaches the page, escaped
    out = tmp_path / "evil.html"
    result = runner.invoke(app, ["show", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(&#x27;x&#x27;)&gt;" in page
    assert_offline(page)


@pytest.mark.model
def test_show_one_article_of_a_jsonl_file_by_id():
    source = RAW / "sample_export.jsonl"
    result = runner.invoke(app, ["show", str(source), "--id", "hl-2024-0419"])
    assert result.exit_code == 0, result.output
    assert "sample_export.jsonl#hl-2024-0419" in result.stdout
    assert "sample_export.jsonl#hl-2024-0412" not in result.stdout
    result = runner.invoke(app, ["show", str(source), "--id", "no-such-id"])
    assert result.exit_code == 2
    assert "no article with id" in result.output


@pytest.mark.parametrize(
    "args,needle",
    [
        (["show", "{tmp}/nope.txt"], "no such file"),
        (["show", "{tmp}"], "is a directory"),
        (["show", str(ARTICLE), "--format", "html"], "-o FILE.html"),
        (["show", str(ARTICLE), "--format", "pdf", "-o", "{tmp}/x.pdf"], "--format terminal|html"),
        (["show", str(ARTICLE), "--format", "terminal", "-o", "{tmp}/x.html"], "add --format html or drop -o"),
        (["show", str(ARTICLE), "-o", "{tmp}"], "is a directory"),
        # claimex show rejects a format it does not read before it loads the model
        (["show", "{tmp}/notes.pptx"], "unsupported extension .pptx"),
        (["show", str(ARTICLE), "--model", "no_such_model"], "--model"),
    ],
)
def test_show_usage_errors_are_one_line_exit_2(tmp_path, args, needle):
    (tmp_path / "notes.pptx").write_bytes(b"PK")
    result = runner.invoke(app, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    assert needle in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


# -- stats ------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet", "xlsx", "sqlite"])
def test_stats_reads_every_format(tables, fmt):
    result = runner.invoke(app, ["stats", str(tables[fmt])])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for title in ("Claims per speaker", "Claims per speaker country", "Claims per cue", "Claims per month"):
        assert title in out
    assert "Geng Shuang" in out and "CHN" in out and "China" in out and "2017-03" in out
    n = len(read_table(tables["csv"]))
    assert out.startswith(f"{tables[fmt]}: {n} claims in ")


@pytest.mark.model
def test_stats_same_summary_from_every_format(tables):
    summaries = {fmt: summarize(read_table(path)) for fmt, path in tables.items()}
    assert all(s == summaries["csv"] for s in summaries.values())


@pytest.mark.model
def test_stats_html_report(pages, tables):
    page = pages["stats"].read_text(encoding="utf-8")
    assert_offline(page)
    assert page.count("<svg ") == 3  # speakers, countries, months
    for title in ("Claims per speaker", "Claims per speaker country", "Claims per month"):
        assert f"<h2>{title}</h2>" in page
    assert "Geng Shuang" in page and "CHN China" in page


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet", "xlsx", "sqlite"])
def test_stats_empty_table(tmp_path, fmt):
    path = tmp_path / f"empty.{fmt}"
    with open_table_writer(path, fmt):
        pass
    report = tmp_path / "empty.html"
    result = runner.invoke(app, ["stats", str(path), "--html", str(report)])
    assert result.exit_code == 0, result.output
    assert f"{path}: 0 claims in 0 articles" in result.stdout
    page = report.read_text(encoding="utf-8")
    assert_offline(page)
    assert "This table holds no claims." in page


def test_stats_zero_byte_file_is_an_empty_table(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_bytes(b"")
    result = runner.invoke(app, ["stats", str(path)])
    assert result.exit_code == 0, result.output
    assert "0 claims" in result.stdout


@pytest.mark.parametrize(
    "name,content,needle",
    [
        ("nope.csv", None, "no such table"),
        ("other.csv", "a,b\n1,2\n", "not a claims table"),
        ("claims.xls", "x", "cannot infer the format"),
        ("bad.xlsx", "not a workbook", "cannot read it as an xlsx workbook"),
        ("bad.db", "not a database", "cannot read it as SQLite"),
        ("bad.jsonl", "{not json\n", "not a JSON line"),
        ("bad.parquet", "not parquet", "claims table written by claimex extract"),
    ],
)
def test_stats_errors_are_one_line_exit_2(tmp_path, name, content, needle):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["stats", str(path)])
    assert result.exit_code == 2, result.output
    assert needle in result.output and str(path) in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.model
def test_stats_html_into_a_directory_is_a_usage_error(tables, tmp_path):
    result = runner.invoke(app, ["stats", str(tables["csv"]), "--html", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.output


def _partitioned(tables, directory: Path, partition_rows: int) -> Path:
    """The sample claims as extract -o DIR/ writes them: DIR/part-00000.parquet, ..."""
    with open_table_writer(f"{directory}/", "parquet", partition_rows=partition_rows) as writer:
        writer.write(read_table(tables["csv"]).to_dict("records"))
    return directory


@pytest.mark.model
@pytest.mark.parametrize("slash,fmt", [("", None), ("/", None), ("", "parquet")])
def test_stats_reads_a_partitioned_parquet_directory(tables, tmp_path, slash, fmt):
    parts = _partitioned(tables, tmp_path / "claims", partition_rows=7)
    assert len(list(parts.glob("part-*.parquet"))) > 1
    report = tmp_path / "report.html"
    args = ["stats", f"{parts}{slash}", "--html", str(report)] + (["--format", fmt] if fmt else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    from_file = runner.invoke(app, ["stats", str(tables["csv"])])
    assert result.stdout.startswith(f"{parts}: {len(read_table(tables['csv']))} claims in ")
    assert result.stdout.splitlines()[1:] == from_file.stdout.splitlines()[1:]
    assert "Geng Shuang" in report.read_text(encoding="utf-8")


def test_stats_reads_an_empty_partitioned_directory(tmp_path):
    with open_table_writer(f"{tmp_path / 'empty'}/", "parquet"):
        pass
    result = runner.invoke(app, ["stats", str(tmp_path / "empty")])
    assert result.exit_code == 0, result.output
    assert "0 claims in 0 articles" in result.stdout


@pytest.mark.model
@pytest.mark.parametrize(
    "entries,args,needle",
    [
        ([], [], "without part-NNNNN.parquet files"),
        (["claims.csv"], [], "holding 'claims.csv'"),
        (["parts", "notes.txt"], [], "holding 'notes.txt'"),
        (["parts"], ["--format", "csv"], "read as partitioned Parquet: drop --format csv"),
        (["bad"], [], "claims table written by claimex extract"),
    ],
)
def test_stats_other_directories_are_one_line_exit_2(tables, tmp_path, entries, args, needle):
    directory = tmp_path / "dir"
    directory.mkdir()
    for entry in entries:
        if entry == "parts":
            _partitioned(tables, directory, partition_rows=50)
        elif entry == "bad":
            (directory / "part-00000.parquet").write_bytes(b"not parquet")
        else:
            (directory / entry).write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["stats", str(directory), *args])
    assert result.exit_code == 2, result.output
    assert needle in result.output and str(directory) in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


# -- the pure parts ------------------------------------------------------------------


def test_month_of_prefers_said_on_then_published():
    assert month_of({"said_on": "2024-03-11", "said_on_precision": "day", "published": "2024-04-02"}) == (
        "2024-03",
        "said_on",
    )
    assert month_of({"said_on": "2023-01-01", "said_on_precision": "year", "published": "2024-04-02"}) == (
        "2024-04",
        "published",
    )
    assert month_of({"said_on": "", "said_on_precision": "", "published": ""}) == (UNKNOWN_MONTH, "none")


def test_summary_counts_and_timeline():
    frame = to_frame(
        [
            {"doc_id": "a", "speaker": "X", "speaker_country": "CHN", "cue": "say", "published": "2024-01-05"},
            {"doc_id": "a", "speaker": "X", "speaker_country": "CHN", "cue": "say", "published": "2024-03-05"},
            {"doc_id": "b", "speaker": "", "speaker_country": "", "cue": "tell", "published": ""},
        ]
    )
    summary = summarize(frame)
    assert (summary.claims, summary.articles) == (3, 2)
    assert summary.speakers == [("X", 2), ("(unknown)", 1)]
    assert summary.countries == [("CHN", 2), ("(none)", 1)]
    assert summary.cues == [("say", 2), ("tell", 1)]
    assert summary.months == [("2024-01", 1), ("2024-03", 1), (UNKNOWN_MONTH, 1)]
    assert timeline(summary.months) == [("2024-01", 1), ("2024-02", 0), ("2024-03", 1), (UNKNOWN_MONTH, 1)]
    page = stats_html(summary, source="t<1>.csv")
    assert "t&lt;1&gt;.csv" in page and "t<1>" not in page
    assert_offline(page)


def test_svg_charts_escape_labels():
    for svg in (bar_chart_svg([("<b>&", 3)]), column_chart_svg([("<b>&", 3)])):
        assert svg.startswith("<svg ") and "&lt;b&gt;&amp;" in svg and "<b>" not in svg
        assert "http" not in svg


def test_write_text_atomic_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "sub" / "page.html"
    write_text_atomic(target, "one")
    write_text_atomic(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in target.parent.iterdir()] == ["page.html"]


# -- a real browser ------------------------------------------------------------------


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.model
@pytest.mark.subprocess
@pytest.mark.parametrize("which", ["show", "stats"])
def test_pages_render_offline_in_headless_chromium(pages, tmp_path, which):
    browser = _chromium()
    if browser is None:
        pytest.skip("chromium not found on PATH (install it, e.g. apt-get install -y chromium)")
    shot = tmp_path / f"{which}.png"
    command = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        "--window-size=1200,1600",
        pages[which].resolve().as_uri(),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)}
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.exists(), done.stderr[-2000:]
    assert _png_size(shot) == (1200, 1600)
    # A blank 1200x1600 page compresses to a few kB; text, marks and charts make it far larger.
    assert shot.stat().st_size > 30_000


@pytest.mark.subprocess
def test_installed_command_missing_argument_exits_2():
    beside = Path(sys.executable).parent / "claimex"
    exe = str(beside) if beside.exists() else shutil.which("claimex")
    if exe is None:
        pytest.skip("claimex is not installed on PATH")
    for command in ("show", "stats"):
        done = subprocess.run([exe, command], capture_output=True, text=True)
        assert done.returncode == 2, done.stderr
        assert "Missing argument" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.model
def test_show_dates_yearless_datelines_with_reference_date(tmp_path):
    article = tmp_path / "dateline.txt"
    article.write_text(
        "Talks resume\n\nBEIJING, November 6 (INP): Foreign Ministry spokesperson Geng Shuang said that "
        "China opposes the plan and will answer it firmly.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["show", str(article), "--reference-date", "2019-12-31"])
    assert result.exit_code == 0, result.output
    assert "2019-11-06" in result.stdout
    result = runner.invoke(app, ["show", str(article), "--reference-date", "soon"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
