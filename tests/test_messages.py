"""What the command line says: help as text, unknown options, logs that grep, and a pipe closed early."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import claimex.api
from claimex.cli import app, main
from claimex.cli.common import close_options
from runs import claimex_command, make_corpus

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
COMMANDS = sorted(typer.main.get_command(app).commands)
runner = CliRunner()


# -- help ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_types_in_words_a_user_reads(command):
    result = runner.invoke(app, [command, "--help"], prog_name="claimex", terminal_width=100)
    assert result.exit_code == 0, result.output
    assert re.search(r"<\w", result.output) is None, result.output  # no <bool>, <str>, <int range>, <path>
    assert "{" not in result.output  # no {paths}...
    usage = result.output.splitlines()[0]
    assert re.fullmatch(rf"Usage: claimex {command} \[OPTIONS\]( [A-Z][A-Z.]*)+", usage), usage


def test_help_text_is_shown_as_written():
    result = runner.invoke(app, ["extract", "--help"], terminal_width=200)
    assert 'pip install ".[dask]"' in result.output
    assert "--workers N " in result.output and "--output FILE|DIR/|- " in result.output
    assert re.search(r"^  --fail-fast +Stop", result.output, re.MULTILINE)  # a flag: no value shown


# -- unknown options ------------------------------------------------------------------


@pytest.mark.parametrize(
    "given, expected",
    [
        ("--fomat", ["--format"]),
        ("--ouptut", ["--output"]),
        ("--work", ["--workers"]),  # the beginning of only one option
        ("--verbos", ["--verbose"]),
        ("--bogus", []),  # shares letters with --verbose, means nothing
        ("--x", []),
        ("--in", []),  # the beginning of several (--incremental, --id-field): no guess
        ("--formats", ["--format"]),
    ],
)
def test_close_options_suggests_only_a_close_match(given, expected):
    options = ["--output", "-o", "--format", "-f", "--workers", "--verbose", "-v", "--incremental", "--id-field"]
    assert close_options(given, options) == expected


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["claimex", *args])
    with pytest.raises(SystemExit) as ended:
        main()
    captured = capsys.readouterr()
    return ended.value.code, captured.err


@pytest.mark.parametrize(
    "args, shown, not_shown",
    [
        (["extract", "data", "--bogus"], "No such option: --bogus", "--verbose"),
        (["extract", "data", "--fomat", "csv"], "No such option: --fomat (did you mean --format?)", "--wait"),
        (["stats", "x.csv", "--htm", "r.html"], "(did you mean --html?)", "Possible options"),
    ],
)
def test_an_unknown_option_is_named_with_only_a_close_match(monkeypatch, capsys, args, shown, not_shown):
    code, err = run_main(monkeypatch, capsys, *args)
    assert code == 2
    assert shown in err and not_shown not in err
    assert "Traceback" not in err


LONG = "a" * 300  # longer than any file system's name limit (255 bytes)


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "{t}/a.txt", "-o", "{t}/" + LONG + ".csv"],
        ["extract", "{t}/a.txt", "-o", "-", "--errors", "{t}/" + LONG + ".jsonl"],
        ["show", "{t}/" + LONG + ".txt"],
        ["show", "{t}/a.txt", "-o", "{t}/" + LONG + ".html"],
        ["stats", "{t}/" + LONG + ".csv"],
        ["stats", "{t}/c.csv", "--html", "{t}/" + LONG + ".html"],
    ],
)
def test_a_name_too_long_is_a_usage_error_naming_it(monkeypatch, capsys, tmp_path, args):
    (tmp_path / "a.txt").write_text("The mayor said it was fine.", encoding="utf-8")
    (tmp_path / "c.csv").write_text("doc_id\n", encoding="utf-8")
    code, err = run_main(monkeypatch, capsys, *[a.format(t=tmp_path) for a in args])
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and LONG in err, err
    assert "Errno" not in err and "CLAIMEX_DEBUG" not in err


@pytest.mark.model
def test_an_input_name_too_long_is_a_failed_input_and_the_run_goes_on(nlp, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(claimex.api, "load_pipeline", lambda *args, **kwargs: nlp)
    (tmp_path / "a.txt").write_text("“We will win,” said Maria Lopez, the minister.", encoding="utf-8")
    code, err = run_main(monkeypatch, capsys, "extract", f"{tmp_path}/{LONG}.txt", str(tmp_path / "a.txt"), "-o", "-")
    assert code == 1, err
    assert err == f"claimex: {tmp_path}/{LONG}.txt: File name too long\n"


# -- logs -----------------------------------------------------------------------------


@pytest.mark.model
def test_off_a_terminal_a_good_run_is_silent_and_with_v_its_summary_lines_are_not_wrapped(nlp, monkeypatch, tmp_path):
    monkeypatch.setattr(claimex.api, "load_pipeline", lambda *args, **kwargs: nlp)
    out = tmp_path / ("a_directory_name_long_enough_to_pass_eighty_columns_" * 2) / "claims.csv"
    silent = runner.invoke(app, ["extract", str(RAW), "-o", str(out)])
    assert silent.exit_code == 0 and silent.stderr == "" and silent.stdout == "", silent.output
    result = runner.invoke(app, ["extract", str(RAW), "-o", str(out), "--incremental", "-v"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert re.fullmatch(rf"claimex: \d+ articles, \d+ claims, 0 failed in [\d.]+ s -> {re.escape(str(out))}", lines[0])
    assert re.fullmatch(r"claimex: incremental: \d+ files processed, 0 unchanged, 0 removed", lines[1])
    assert len(lines) == 2  # no tables of top speakers off a terminal


# -- a pipe closed early --------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Enough articles that the table overflows a pipe's buffer (64 KiB on Linux): about 2.6 kB of rows each.

    The table is written once the run ends (its speaker and statement ids are corpus-wide), so the reader's
    going away shows as a broken pipe part-way through writing it, and only if it is larger than the buffer."""
    return make_corpus(tmp_path_factory.mktemp("pipe") / "in", n=48)


@pytest.mark.subprocess
@pytest.mark.model
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_reader_that_stops_early_ends_claimex_quietly(corpus, fmt):
    process = subprocess.Popen(
        [*claimex_command(), "extract", str(corpus), "-o", "-", "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.readline()  # the header, or the first row: then the reader goes away
    process.stdout.close()
    err = process.stderr.read().decode("utf-8", "replace")
    assert process.wait(timeout=300) == 0, err
    assert err == ""  # no message, no traceback, no summary


@pytest.mark.subprocess
@pytest.mark.model
def test_head_in_a_pipefail_shell_reports_no_failure(corpus, tmp_path):
    command = " ".join(claimex_command()) if len(claimex_command()) == 1 else None
    if command is None:
        pytest.skip("claimex is not installed as a command")
    table = tmp_path / "claims.csv"
    script = (
        f"set -o pipefail; {command} extract {corpus} -o - | head -n 3 > {table} && "
        f"{command} stats {table} --top 0 | head -n 1"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(table.read_text(encoding="utf-8").splitlines()) == 3
    assert done.stdout.startswith(f"{table}: 2 claims")


@pytest.mark.model
def test_the_summary_counts_in_words_a_reader_expects(nlp, monkeypatch, tmp_path):
    monkeypatch.setattr(claimex.api, "load_pipeline", lambda *args, **kwargs: nlp)
    article = tmp_path / "one.txt"
    article.write_text("“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Tuesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), "-o", str(tmp_path / "out.csv"), "--incremental", "-v"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("claimex: 1 article, 1 claim, 0 failed in "), lines
    assert lines[1] == "claimex: incremental: 1 file processed, 0 unchanged, 0 removed"


@pytest.mark.subprocess
def test_with_stderr_closed_a_usage_error_writes_nothing_on_stdout():
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.close(2); sys.stderr = None; from claimex.cli import main; main()"]
        + ["extract", "--bogus"],
        capture_output=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (2, b"")
