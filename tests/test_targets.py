"""No path claimex writes may overwrite, replace or later be read as an input (issue 21): checked before any
work, exit 2 naming both paths.  No model is loaded: every case stops first."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimex.cli import app
from claimex.io.targets import Target, check_targets
from claimex.io.writing import UsageError

runner = CliRunner()
ARTICLE = "“We will win,” said Maria Lopez, the finance minister of Spain.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "feed.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    (tmp_path / "page.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>", encoding="utf-8")
    (tmp_path / "claims.csv").write_text("doc_id\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    os.symlink("in/a.txt", tmp_path / "link.txt")
    os.link(tmp_path / "in" / "feed.jsonl", tmp_path / "hard.jsonl")
    return tmp_path


# (inputs, targets as (path, role, directory), the start of the message), paths relative to the tree
CLASHES = [
    (["in/feed.jsonl"], [("in/feed.jsonl", "-o", False)], "-o {t}/in/feed.jsonl is the input {t}/in/feed.jsonl"),
    (["in/a.txt"], [("link.txt", "-o", False)], "-o {t}/link.txt is the input {t}/in/a.txt"),
    (["hard.jsonl"], [("in/feed.jsonl", "--errors", False)], "--errors {t}/in/feed.jsonl is the input"),
    (["in"], [("in", "-o", True)], "-o {t}/in holds the input {t}/in: it would be replaced"),
    (["in/a.txt"], [("in", "-o", True)], "-o {t}/in holds the input {t}/in/a.txt"),
    (["in"], [("in/claims.jsonl", "-o", False)], "-o {t}/in/claims.jsonl lies in the input folder {t}/in"),
    (["in"], [("in/sub/errors.jsonl", "--errors", False)], "--errors {t}/in/sub/errors.jsonl lies in the input"),
    (["in"], [("out/c.csv", "-o", False), ("out/c.csv", "--errors", False)], "-o {t}/out/c.csv and --errors"),
    (["in"], [("claims.csv/errors.jsonl", "--errors", False)], "--errors {t}/claims.csv/errors.jsonl: {t}/claims.csv is a file"),
    (["in/a.txt"], [("in/a.txt", "the lock", False)], "the lock ({t}/in/a.txt) is the input"),
    (["in"], [("out/" + "c" * 250 + ".csv", "-o", False)], "-o {t}/out/" + "c" * 250 + ".csv: the file name is too long"),
]  # fmt: skip

# Writing these is fine: nothing read is touched, nothing written is read back.
FINE = [
    (["in"], [("in/claims.csv", "-o", False)]),  # claimex does not read .csv: not read back
    (["in"], [("in/.claims.jsonl", "-o", False)]),  # hidden: a folder walk skips it
    (["in"], [("in/.out/claims.jsonl", "-o", False)]),
    (["in/a.txt"], [("out/", "-o", True), ("out.lock", "the lock", False)]),
    (["-"], [("-", "-o", False)]),
    (["in/a.txt", "page.html"], [("out/c.jsonl", "-o", False), ("out/errors.jsonl", "--errors", False)]),
]


@pytest.mark.parametrize(("inputs", "targets", "message"), CLASHES)
def test_a_clash_is_a_usage_error_naming_both(tree, inputs, targets, message):
    with pytest.raises(UsageError) as caught:
        check_targets([tree / p for p in inputs], [Target(tree / p, role, d) for p, role, d in targets])
    assert str(caught.value).startswith(message.format(t=tree)), str(caught.value)


@pytest.mark.parametrize(("inputs", "targets"), FINE)
def test_writing_beside_the_inputs_is_fine(tree, inputs, targets):
    check_targets(
        [p if p == "-" else tree / p for p in inputs],
        [Target(p if p == "-" else tree / p, role, d) for p, role, d in targets],
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "{t}/in/feed.jsonl", "-o", "{t}/in/feed.jsonl"], "-o {t}/in/feed.jsonl is the input"),
        (["extract", "{t}/in", "-o", "{t}/in/claims.jsonl"], "-o {t}/in/claims.jsonl lies in the input folder"),
        (["extract", "{t}/in", "-o", "{t}/c.csv", "--errors", "{t}/in/a.txt"], "--errors {t}/in/a.txt is an input (in the folder {t}/in)"),
        (["extract", "{t}/in", "-o", "{t}/c.csv", "--errors", "{t}/c.csv"], "-o {t}/c.csv and --errors {t}/c.csv"),
        (["extract", "{t}/in", "-o", "{t}/c.csv", "--errors", "{t}/claims.csv/e.jsonl"], "--errors {t}/claims.csv/e.jsonl: {t}/claims.csv is a file"),
        (["show", "{t}/page.html", "-o", "{t}/page.html"], "-o {t}/page.html is the input {t}/page.html"),
        (["stats", "{t}/claims.csv", "--html", "{t}/claims.csv"], "--html {t}/claims.csv is the input"),
        (["train-cues", "{t}/in/feed.jsonl", "-o", "{t}/in/feed.jsonl"], "-o {t}/in/feed.jsonl is the input"),
        (["train-confidence", "{t}/in/feed.jsonl", "-o", "{t}/in/feed.jsonl"], "-o {t}/in/feed.jsonl is the input"),
        (["train-speakers", "{t}/in", "-o", "{t}/m.json", "-d", "{t}/m.json"], "-o {t}/m.json and -d {t}/m.json"),
        (["train-speakers", "{t}/in", "--splits", "{t}/in/a.txt", "-o", "{t}/in/a.txt"], "-o {t}/in/a.txt is the input"),
    ],
)  # fmt: skip
def test_commands_refuse_before_any_work(tree, args, message):
    before = {p: p.read_bytes() for p in tree.rglob("*") if p.is_file() and not p.is_symlink()}
    result = runner.invoke(app, [a.format(t=tree) for a in args])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("claimex: error: " + message.format(t=tree)), result.output
    assert len(result.output.strip().splitlines()) == 1
    assert {p: p.read_bytes() for p in tree.rglob("*") if p.is_file() and not p.is_symlink()} == before


# A written path that is no place for a plain file: replacing it (rename over it) would put a file where a
# device, a pipe or a link to the process's stdout was.  (name, how to make it, the start of the message)
SPECIAL = [
    ("fifo.csv", os.mkfifo, "-o {p} is a named pipe, not a regular file"),
    ("stdout.csv", lambda p: os.symlink("/proc/self/fd/1", p), "-o {p} is a file of the system"),
    ("null.csv", lambda p: os.symlink("/dev/null", p), "-o {p} is a character device"),
]


@pytest.mark.parametrize(("name", "make", "message"), SPECIAL)
@pytest.mark.parametrize("command", ["extract", "show", "stats"])
def test_special_files_are_never_replaced(tree, name, make, message, command):
    target = tree / "out" / name
    make(target)
    option = "--html" if command == "stats" else "-o"
    args = {"extract": ["extract", str(tree / "in"), "-o", str(target)], "show": ["show", str(tree / "page.html")]}
    args["show"] += ["-o", str(target), "-f", "html"]
    args["stats"] = ["stats", str(tree / "claims.csv"), "--html", str(target)]
    result = runner.invoke(app, args[command])
    assert result.exit_code == 2, result.output
    shown = message.replace("-o", option).format(p=target)
    assert result.output.startswith(f"claimex: error: {shown}"), result.output
    assert os.path.islink(target) or not target.is_file()


def test_a_plain_file_through_a_link_is_fine(tree):
    os.symlink("../claims.csv", tree / "out" / "c.csv")
    check_targets([tree / "in"], [Target(tree / "out" / "c.csv", "-o")])
