"""Directory output (-o DIR/): partitioned Parquet, read back whole and in order, replaced atomically."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import claimex.io.writing as writing
from claimex.cli import app
from claimex.io.writing import (
    PART_ROWS,
    DatasetWriter,
    UsageError,
    check_output,
    is_dataset_output,
    open_table_writer,
    resolve_format,
    tidy_dataset_leftovers,
)
from claimex.schema import ARROW_SCHEMA, STR_COLUMNS
from claimex.table import conform_frame, read_table, to_frame
from runs import make_corpus, start_extract

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
runner = CliRunner()


def rows(n: int) -> list[dict]:
    out = []
    for i in range(n):
        row = {name: f"{name}-{i}" for name in STR_COLUMNS}
        row.update(quote=f"quote {i}, “with” a\nnewline", char_start=i, char_end=i + 5, paragraph=i % 3 - 1)
        out.append(row)
    return out


def write_dataset(out: Path, batches, partition_rows: int) -> DatasetWriter:
    with open_table_writer(out, "parquet", partition_rows=partition_rows) as writer:
        for batch in batches:
            writer.write(batch)
    return writer


def part_names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def part_sizes(directory: Path) -> list[int]:
    return [pq.ParquetFile(directory / name).metadata.num_rows for name in part_names(directory)]


def hidden(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def read_back(directory: Path) -> pd.DataFrame:
    """The whole table, read three ways that must agree."""
    by_claimex = read_table(directory, "parquet")
    by_pandas = pd.read_parquet(str(directory) + "/")
    by_dataset = ds.dataset(directory, format="parquet").to_table().to_pandas()
    for other in (by_pandas, by_dataset):
        pd.testing.assert_frame_equal(conform_frame(other), by_claimex)
    return by_claimex


def make_previous(out: Path, n: int = 3) -> dict[str, bytes]:
    write_dataset(out, [rows(n)], partition_rows=2)
    return {p.name: p.read_bytes() for p in out.iterdir()}


# -- the writer ---------------------------------------------------------------


@pytest.mark.parametrize(
    "n, batches, partition_rows, sizes",
    [
        (21, [21], 5, [5, 5, 5, 5, 1]),
        (20, [20], 5, [5, 5, 5, 5]),  # an exact multiple: no empty last part
        (21, [3, 18], 5, [5, 5, 5, 5, 1]),  # batches straddle the part boundaries
        (21, [1] * 21, 4, [4, 4, 4, 4, 4, 1]),
        (21, [21], 21, [21]),
        (21, [21], PART_ROWS, [21]),
        (7, [7], 1, [1] * 7),
        (12, [0, 12, 0], 6, [6, 6]),  # empty writes open no part
        (0, [], 5, [0]),  # zero rows: one empty part with the schema
        (0, [0], 5, [0]),
    ],
)
def test_round_trip_and_part_sizes(tmp_path, n, batches, partition_rows, sizes):
    data = rows(n)
    chunks, start = [], 0
    for size in batches:
        chunks.append(data[start : start + size])
        start += size
    out = tmp_path / "claims"
    writer = write_dataset(out, chunks, partition_rows)
    assert writer.rows == n and writer.parts == len(sizes)
    assert part_names(out) == [f"part-{i:05d}.parquet" for i in range(len(sizes))]
    assert part_sizes(out) == sizes
    for name in part_names(out):
        assert pq.read_schema(out / name) == ARROW_SCHEMA
    pd.testing.assert_frame_equal(read_back(out), to_frame(data))
    assert hidden(tmp_path) == []


def test_row_groups_stay_bounded_inside_a_part(tmp_path, monkeypatch):
    monkeypatch.setattr(writing, "BATCH_ROWS", 4)
    out = tmp_path / "claims"
    write_dataset(out, [iter(rows(23))], partition_rows=10)
    groups = []
    for name in part_names(out):
        meta = pq.ParquetFile(out / name).metadata
        groups.append([meta.row_group(i).num_rows for i in range(meta.num_row_groups)])
    assert groups == [[4, 4, 2], [2, 4, 4], [3]]


def test_parts_are_flushed_into_a_hidden_staging_directory(tmp_path):
    out = tmp_path / "claims"
    previous = make_previous(out)
    with open_table_writer(str(out) + "/", "parquet", partition_rows=5) as writer:
        assert isinstance(writer, DatasetWriter)
        writer.write(rows(12))
        (staging,) = [p for p in tmp_path.iterdir() if p.name.startswith(".claims.") and p.name.endswith(".tmp")]
        assert part_names(staging)[:2] == ["part-00000.parquet", "part-00001.parquet"]  # full parts are on disk
        assert pq.ParquetFile(staging / "part-00001.parquet").metadata.num_rows == 5
        assert {p.name: p.read_bytes() for p in out.iterdir()} == previous  # the old output until the end
    assert not staging.exists()
    assert part_sizes(out) == [5, 5, 2]
    assert hidden(tmp_path) == []


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
@pytest.mark.parametrize("existed", [True, False])
def test_failure_leaves_the_previous_output(tmp_path, exc, existed):
    out = tmp_path / "claims"
    previous = make_previous(out) if existed else None

    def failing():
        yield from rows(9)
        raise exc("boom mid-way")

    with pytest.raises(exc):
        write_dataset(out, [rows(3), failing()], partition_rows=2)
    if existed:
        assert {p.name: p.read_bytes() for p in out.iterdir()} == previous
    else:
        assert not out.exists()
    assert hidden(tmp_path) == []  # the staging directory is gone


def test_replacing_without_an_atomic_swap(tmp_path, monkeypatch):
    """Where renameat2 is missing: two renames, and a failed second one puts the old output back."""
    monkeypatch.setattr(writing, "_exchange", lambda a, b: False)
    out = tmp_path / "claims"
    make_previous(out)
    write_dataset(out, [rows(4)], partition_rows=3)
    assert part_sizes(out) == [3, 1] and hidden(tmp_path) == []

    previous = {p.name: p.read_bytes() for p in out.iterdir()}
    real_rename = os.rename

    def rename(src, dst):
        if Path(src).name.endswith(".tmp"):
            raise OSError("disk gone")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError, match="disk gone"):
        write_dataset(out, [rows(7)], partition_rows=3)
    monkeypatch.setattr(os, "rename", real_rename)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous
    assert hidden(tmp_path) == []


def test_directory_modes_and_symlinks(tmp_path):
    umask = os.umask(0)
    os.umask(umask)
    out = tmp_path / "claims"
    write_dataset(out, [rows(2)], partition_rows=5)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask
    assert (out / "part-00000.parquet").stat().st_mode & 0o777 == 0o666 & ~umask
    out.chmod(0o750)
    write_dataset(out, [rows(2)], partition_rows=5)
    assert out.stat().st_mode & 0o777 == 0o750
    # A symlink at the target is replaced, not followed (as for file outputs).
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine")
    link = tmp_path / "linked"
    link.symlink_to(elsewhere)
    write_dataset(link, [rows(2)], partition_rows=5)
    assert not link.is_symlink() and part_names(link) == ["part-00000.parquet"]
    assert (elsewhere / "keep.txt").read_text() == "mine"


def test_tidy_dataset_leftovers(tmp_path):
    out = tmp_path / "claims"
    stale = tmp_path / ".claims.abcd1234.tmp"  # a killed run's staging
    write_dataset(stale, [rows(2)], partition_rows=5)
    moved_aside = tmp_path / ".claims.0123abcd.old"  # the previous output, killed mid-replace
    write_dataset(moved_aside, [rows(3)], partition_rows=5)
    foreign = tmp_path / ".claims.zzzzzzzz.tmp"  # not ours: left alone
    foreign.mkdir()
    (foreign / "notes.txt").write_text("x")
    other = tmp_path / ".other.abcd1234.tmp"
    other.mkdir()
    assert sorted(p.name for p in tidy_dataset_leftovers(out)) == [moved_aside.name, stale.name]
    assert len(read_table(out, "parquet")) == 3  # moved back: the target was missing
    assert hidden(tmp_path) == [foreign.name, other.name]
    # with the target present, an aside copy is just removed
    write_dataset(moved_aside, [rows(1)], partition_rows=5)
    tidy_dataset_leftovers(out)
    assert len(read_table(out, "parquet")) == 3 and not moved_aside.exists()


# -- choosing a directory output ------------------------------------------------


@pytest.mark.parametrize(
    "out, expected",
    [("claims/", True), ("out/claims.parquet/", True), ("claims", False), ("claims.parquet", False), ("-", False)],
)
def test_is_dataset_output(out, expected):
    assert is_dataset_output(out) is expected
    if expected:
        assert resolve_format(out, None) == "parquet" and resolve_format(out, "parquet") == "parquet"


@pytest.mark.parametrize(
    "out, fmt, excel, partition_rows, error",
    [
        ("{tmp}/new/", None, False, None, None),
        ("{tmp}/new/", "parquet", False, 10, None),
        ("{tmp}/empty/", None, False, None, None),
        ("{tmp}/ours/", None, False, None, None),  # a previous output: replaced at the end
        ("{tmp}/new/", "csv", False, None, "partitioned Parquet, not csv: use --format parquet, or -o FILE.csv"),
        ("{tmp}/new/", "JSONL", False, None, "not jsonl"),
        ("{tmp}/claims.tsv/", None, False, None, "not tsv"),
        ("{tmp}/new/", None, True, None, "--excel applies to CSV/TSV only, not a Parquet directory"),
        ("-", None, False, 10, "--partition-rows writes a directory, not stdout"),
        ("{tmp}/claims.parquet", None, False, 10, "end -o with / (e.g. -o {tmp}/claims/)"),
        ("{tmp}/new/", None, False, 0, "at least 1"),
        ("{tmp}/afile/", None, False, None, "is a file, not a directory"),
        ("{tmp}/mixed/", None, False, None, "holds 'notes.txt', which is not a claimex part file"),
        ("{tmp}/ours", "parquet", False, None, "is a directory: give a file name"),
        ("{tmp}/ours", "parquet", False, None, "or end it with / for partitioned Parquet"),
        ("{tmp}/afile/sub/", None, False, None, "is a file, not a directory"),
    ],
)
def test_check_output_for_directories(tmp_path, out, fmt, excel, partition_rows, error):
    (tmp_path / "empty").mkdir()
    make_previous(tmp_path / "ours")
    (tmp_path / "afile").write_text("")
    (tmp_path / "mixed").mkdir()
    (tmp_path / "mixed" / "part-00000.parquet").write_bytes(b"")
    (tmp_path / "mixed" / "notes.txt").write_text("mine")
    out = out.format(tmp=tmp_path)
    if error is None:
        assert check_output(out, fmt, stdout_isatty=False, excel=excel, partition_rows=partition_rows) == "parquet"
        assert not (tmp_path / "new").exists()  # nothing created before the work
    else:
        with pytest.raises(UsageError) as info:
            check_output(out, fmt, stdout_isatty=False, excel=excel, partition_rows=partition_rows)
        assert error.format(tmp=tmp_path) in str(info.value)


def test_writer_refuses_to_replace_a_directory_it_did_not_write(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="not a claimex part file"):
        write_dataset(out, [rows(2)], partition_rows=5)
    assert part_names(out) == ["notes.txt"] and hidden(tmp_path) == []


def test_more_parts_than_names_sort_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(writing, "MAX_PARTS", 3)
    with pytest.raises(ValueError, match="raise --partition-rows"):
        write_dataset(tmp_path / "claims", [rows(7)], partition_rows=2)
    assert list(tmp_path.iterdir()) == []


# -- the command line ---------------------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["-o", "{tmp}/out/", "--format", "csv"], "a directory output ({tmp}/out/) is written as partitioned Parquet"),
        (["-o", "{tmp}/out.jsonl/"], "use --format parquet, or -o FILE.jsonl"),
        (["-o", "{tmp}/out/", "--excel"], "drop --excel or use -o FILE.csv"),
        (["-o", "-", "--partition-rows", "5"], "drop it or use -o DIR/"),
        (["-o", "{tmp}/out.parquet", "--partition-rows", "5"], "end -o with /"),
        (["--partition-rows", "5"], "end -o with / (e.g. -o data/out/claims/)"),  # the default output is a file
        (["-o", "{tmp}/afile/"], "is a file, not a directory"),
        (["-o", "{tmp}/mixed/"], "choose another -o DIR/ or empty it"),
        (["-o", "{tmp}/mixed"], "end it with / for partitioned Parquet"),
    ],
)
def test_conflicting_options_exit_2_before_any_work(tmp_path, args, message):
    (tmp_path / "afile").write_text("")
    (tmp_path / "mixed").mkdir()
    (tmp_path / "mixed" / "notes.txt").write_text("mine")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = runner.invoke(app, ["extract", str(RAW), *(a.format(tmp=tmp_path) for a in args)])
    assert result.exit_code == 2, result.output
    assert message.format(tmp=tmp_path) in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # no output, lock or staging


def test_partition_rows_below_one_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", str(RAW), "-o", f"{tmp_path}/out/", "--partition-rows", "0"])
    assert result.exit_code == 2
    assert "--partition-rows" in result.output and not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> pd.DataFrame:
    """The table of data/raw as one Parquet file, from the local engine."""
    path = tmp_path_factory.mktemp("ref") / "claims.parquet"
    result = runner.invoke(app, ["extract", str(RAW), "-o", str(path), "-q"])
    assert result.exit_code == 0, result.output
    frame = read_table(path)
    assert len(frame) > 10
    return frame


def extract_to_dir(out: Path, *extra: str, inputs=(RAW,)) -> object:
    return runner.invoke(app, ["extract", *map(str, inputs), "-o", f"{out}/", "-q", *extra])


@pytest.mark.model
@pytest.mark.parametrize("partition_rows", [None, "1", "7", "1000"])
def test_cli_round_trip_equals_the_single_file(tmp_path, reference, partition_rows):
    out = tmp_path / "claims"
    extra = ["--partition-rows", partition_rows] if partition_rows else []
    result = extract_to_dir(out, *extra)
    assert result.exit_code == 0, result.output
    pd.testing.assert_frame_equal(read_back(out), reference)
    n, size = len(reference), int(partition_rows or PART_ROWS)
    assert part_sizes(out) == [size] * (n // size) + ([n % size] if n % size else [])
    assert hidden(tmp_path) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["claims"]  # lock removed


@pytest.mark.model
def test_cli_zero_rows_is_a_readable_dataset(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The weather was fine all week in the valley.\n", encoding="utf-8")
    result = extract_to_dir(tmp_path / "claims", inputs=(corpus,))
    assert result.exit_code == 0, result.output
    assert part_names(tmp_path / "claims") == ["part-00000.parquet"]
    frame = read_back(tmp_path / "claims")
    assert len(frame) == 0 and pq.read_schema(tmp_path / "claims" / "part-00000.parquet") == ARROW_SCHEMA


@pytest.mark.model
def test_cli_interrupted_run_keeps_the_previous_directory(tmp_path, monkeypatch):
    import claimex.api as api

    out = tmp_path / "claims"
    previous = make_previous(out)
    real_process = api.process

    def interrupted(*args, **kwargs):
        for i, result in enumerate(real_process(*args, **kwargs)):
            if i == 2:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(api, "process", interrupted)
    result = extract_to_dir(out, "--partition-rows", "2")
    assert result.exit_code == 130
    assert "no output written" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims"]


@pytest.mark.model
def test_cli_incremental_with_a_directory(tmp_path, reference):
    out = tmp_path / "claims"
    first = extract_to_dir(out, "--incremental", "--partition-rows", "9")
    assert first.exit_code == 0, first.output
    assert (tmp_path / "claims.claimex-state.sqlite").exists()
    result = runner.invoke(app, ["extract", str(RAW), "-o", f"{out}/", "--incremental", "--partition-rows", "9", "-v"])
    assert result.exit_code == 0, result.output
    assert "0 files processed" in result.output
    pd.testing.assert_frame_equal(read_back(out), reference)


@pytest.mark.model
def test_cli_removes_a_killed_runs_staging_directory(tmp_path):
    out = tmp_path / "claims"
    stale = tmp_path / ".claims.k1lled00.tmp"
    write_dataset(stale, [rows(3)], partition_rows=2)
    result = extract_to_dir(out, inputs=(RAW / "003_cdc969f03aac275d.txt",))
    assert result.exit_code == 0, result.output
    assert not stale.exists() and hidden(tmp_path) == []


@pytest.mark.model
@pytest.mark.subprocess
@pytest.mark.slow
def test_sigkill_mid_run_keeps_the_previous_directory(tmp_path):
    corpus = make_corpus(tmp_path / "in")
    out_dir = tmp_path / "out"
    out = out_dir / "claims"
    previous = make_previous(out)
    # Parts are written once every article is done (the corpus pass needs all rows): kill the run
    # while its staging directory is open.
    process = start_extract(
        [str(corpus), "-o", f"{out}/", "--partition-rows", "20"],
        lambda: any(p.name.endswith(".tmp") for p in out_dir.iterdir() if p.is_dir()),
        "opened its staging directory",
    )
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous
    assert any(name.startswith(".claims.") for name in hidden(out_dir))  # the staging, tidied by the next run
    assert tidy_dataset_leftovers(out) and not any(n.startswith(".claims.") for n in hidden(out_dir))


# -- the dask engine ------------------------------------------------------------


@pytest.fixture
def needs_dask():
    pytest.importorskip("distributed")


@pytest.mark.model
@pytest.mark.slow
def test_dask_engine_writes_the_same_parts(tmp_path, reference, needs_dask):
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert extract_to_dir(local, "--partition-rows", "7").exit_code == 0
    result = extract_to_dir(dask, "--partition-rows", "7", "--engine", "dask", "--workers", "2")
    assert result.exit_code == 0, result.output
    assert part_names(dask) == part_names(local)
    for name in part_names(local):
        assert pq.read_table(dask / name).equals(pq.read_table(local / name)), name
    pd.testing.assert_frame_equal(read_back(dask), reference)
