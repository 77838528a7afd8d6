"""Malformed tables and gold: one line naming the file (and line) and what is wrong, exit 2, no traceback
(issue 21).  No model: ``eval --table`` scores a given table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.schema import COLUMN_NAMES

runner = CliRunner()


def _table(path: Path) -> Path:
    path.write_text(",".join(COLUMN_NAMES) + "\n", encoding="utf-8")
    return path


# gold JSONL content -> the start of the reason after "FILE:LINE: "
GOLD = [
    ('{"doc_id": "a", "text": "x"}\nnot json\n', 2, "invalid JSON"),
    ("[" * 100_000 + "]" * 100_000 + "\n", 1, "invalid JSON: nested too deeply"),
    ('{"text": "hello", "attributions": []}\n', 1, "not a gold article: no field 'doc_id'"),
    ('["a", "b"]\n', 1, "not a gold article: a line must be a JSON object"),
    ('{"doc_id": "a", "text": 5}\n', 1, "not a gold article: 'text' must be a string"),
    ('{"doc_id": "a", "text": "hi", "attributions": {"content": [0, 1]}}\n', 1, "not a gold article: 'attributions' must be a list"),
    ('{"doc_id": "a", "text": "hello", "attributions": [{"content": [0, 99], "source": [0, 1]}]}\n', 1, "not a gold article: span [0, 99] lies outside"),
    ('{"doc_id": "a", "text": "hello", "attributions": [{"content": "x", "source": [0, 1]}]}\n', 1, "not a gold article: a span must be"),
    ('{"doc_id": "a", "text": "hello", "attributions": [{"content": [0.5, 2], "source": [0, 1]}]}\n', 1, "not a gold article: span offsets must be whole numbers"),
]  # fmt: skip


@pytest.mark.parametrize(("content", "line", "reason"), GOLD)
def test_malformed_gold_is_one_line_and_exit_2(tmp_path, content, line, reason):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--table", str(_table(tmp_path / "c.csv"))])
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"claimex: error: {gold}:{line}: {reason}"), result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("c.csv", b"doc_id,quote\nx,y\n", "not a claims table, missing column(s)"),
        ("c.csv", bytes(range(256)) * 4, "'utf-8' codec can't decode"),
        ("c.jsonl", b'[1, 2]\n{"a": 1}\n', "not a claims table"),
        ("c.parquet", b"PAR1 not really", "Could not open Parquet input source"),
    ],
)
@pytest.mark.parametrize("command", ["stats", "eval"])
def test_malformed_tables_are_one_line_and_exit_2(tmp_path, name, content, reason, command):
    table = tmp_path / name
    table.write_bytes(content)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "a", "text": "x", "attributions": []}) + "\n", encoding="utf-8")
    args = ["stats", str(table)] if command == "stats" else ["eval", str(gold), "--table", str(table)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"claimex: error: {table}: {reason}"), result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["stats", "eval"])
def test_a_table_nested_too_deeply_is_one_line_and_exit_2(tmp_path, command):
    table = tmp_path / "c.jsonl"
    table.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "a", "text": "x", "attributions": []}) + "\n", encoding="utf-8")
    args = ["stats", str(table)] if command == "stats" else ["eval", str(gold), "--table", str(table)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.output.startswith(f"claimex: error: {table}:1: not a JSON line (nested too deeply)"), result.output
