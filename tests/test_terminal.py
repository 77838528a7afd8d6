"""What claimex shows on a terminal is data as written: never Rich markup, never terminal controls (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import claimex.api
from claimex.cli import app
from claimex.cli.terminal import terminal_text
from claimex.schema import COLUMN_NAMES

runner = CliRunner()
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("He [doesn't] agree", "He [doesn't] agree"),
        ("[/b] [link=https://evil.example]x[/link]", "[/b] [link=https://evil.example]x[/link]"),
        (f"a{ESCAPES}b", "ab"),
        ("title\x1b]2;x\x1b\\ end", "title end"),
        ("bell\x07 back\x08 cr\r line\nand\ttab", "bell back cr line\nand\ttab"),
        ("c1\x9b31m and \u202eevil\u202c", "c131m and evil"),
        ("plain “text” — é 5 €", "plain “text” — é 5 €"),
    ],
)
def test_terminal_text(raw, shown):
    assert terminal_text(raw) == shown


def _table(path: Path, rows: list[dict]) -> Path:
    frame = pd.DataFrame([{c: row.get(c, "") for c in COLUMN_NAMES} for row in rows])
    for column in ("char_start", "char_end", "paragraph"):
        frame[column] = 0
    frame.to_csv(path, index=False)
    return path


def test_stats_shows_markup_and_escapes_as_text(tmp_path):
    table = _table(
        tmp_path / "claims.csv",
        [
            {"doc_id": f"a{ESCAPES}.txt", "speaker": "[/]", "quote": "He [doesn't] agree [/b]", "cue": "say"},
            {"doc_id": "b.txt", "speaker": "[link=https://evil.example]Eve[/link]", "quote": "q", "cue": "[bold]x"},
        ],
    )
    result = runner.invoke(app, ["stats", str(table)])
    assert result.exit_code == 0, result.output
    for shown in ("[/]", "[link=https://evil.example]Eve[/link]", "[bold]x"):
        assert shown in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


@pytest.mark.model
def test_error_lines_carry_no_terminal_controls(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(claimex.api, "load_pipeline", lambda *a, **k: nlp)
    bad = tmp_path / f"bad{ESCAPES}.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(bad), "-o", str(tmp_path / f"c{ESCAPES}.csv")])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert f"claimex: {tmp_path}/bad.json:1: invalid JSON" in result.stderr
    missing = runner.invoke(app, ["extract", str(tmp_path / f"gone{ESCAPES}.txt"), "-o", str(tmp_path / "c.csv")])
    assert missing.exit_code == 2 and "\x1b" not in missing.output and "gone.txt" in missing.output


@pytest.mark.model
def test_show_prints_quotes_as_written(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(claimex.api, "load_pipeline", lambda *a, **k: nlp)
    article = tmp_path / "a.jsonl"
    text = (
        "“We [doesn't] accept any delay in the talks [/b],” said Maria Lopez, the finance minister of Spain.\n\n"
        f"“The plan {ESCAPES}works well [link=https://evil.example]here[/link],” Lopez told reporters."
    )
    article.write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", str(article)])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    assert "[doesn't]" in shown and "[/b]" in shown and "[link=https://evil.example]here[/link]" in shown
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
