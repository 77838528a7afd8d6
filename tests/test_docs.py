"""README.md documents every command, argument and option of the CLI (in the style of sqlite-utils' test_docs.py).

Each command has a ``### `claimex COMMAND ...` `` heading; its section (up to the next heading of the same
or a higher level) names every argument in the heading and every long option name somewhere in the section.
The CLI's own options (``--version``) each have a ``### `claimex --OPTION` `` heading.  Hidden commands and
options are skipped.  A new command, argument or option without documentation fails here: document it in
README.md rather than loosening this test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from claimex.cli import app

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
CLI = typer.main.get_command(app)
HEADING = re.compile(r"^(#{1,6}) (.*)$")
COMMAND_HEADING = re.compile(r"^`claimex ([^\s`]+)(.*)`$")


def _sections(readme: str) -> dict[str, tuple[str, str]]:
    """``{first word after claimex: (heading text, section text)}`` for every ``claimex ...`` heading."""
    lines = readme.splitlines()
    sections = {}
    for start, line in enumerate(lines):
        match = HEADING.match(line)
        if not match or not (command := COMMAND_HEADING.match(match.group(2).strip())):
            continue
        level = len(match.group(1))
        end = start + 1
        while end < len(lines) and not ((h := HEADING.match(lines[end])) and len(h.group(1)) <= level):
            end += 1
        sections[command.group(1)] = (command.group(2), "\n".join(lines[start:end]))
    return sections


SECTIONS = _sections(README)
COMMANDS = sorted(name for name, command in CLI.commands.items() if not command.hidden)


def _visible(params, kind: str):
    return [p for p in params if p.param_type_name == kind and not getattr(p, "hidden", False)]


def _long_names(option) -> list[str]:
    return [name for name in [*option.opts, *option.secondary_opts] if name.startswith("--")]


def _mentions(text: str, name: str) -> bool:
    """``name`` occurs as a whole option name (``--id`` is not found in ``--id-field``)."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


COMMAND_OPTIONS = [
    (name, long)
    for name in COMMANDS
    for option in _visible(CLI.commands[name].params, "option")
    for long in _long_names(option)
]
COMMAND_ARGUMENTS = [
    (name, argument) for name in COMMANDS for argument in _visible(CLI.commands[name].params, "argument")
]
ROOT_OPTIONS = [long for option in _visible(CLI.params, "option") for long in _long_names(option)]


def test_introspection_finds_the_cli():
    assert {"extract", "eval", "train-cues", "show", "stats"} <= set(COMMANDS)
    assert ("extract", "--partition-rows") in COMMAND_OPTIONS and ("show", "--id") in COMMAND_OPTIONS
    assert "--version" in ROOT_OPTIONS


@pytest.mark.parametrize("command", COMMANDS)
def test_commands_are_documented(command):
    assert command in SECTIONS, f"README.md has no '### `claimex {command} ...`' heading"


@pytest.mark.parametrize("command,option", COMMAND_OPTIONS)
def test_command_options_are_documented(command, option):
    assert command in SECTIONS, f"README.md has no '### `claimex {command} ...`' heading"
    assert _mentions(SECTIONS[command][1], option), f"README.md's claimex {command} section does not mention {option}"


def _positionals(heading: str) -> list[str]:
    """The words of a command heading outside ``[...]``: ``" PATH... [-o OUT] [-q]"`` -> ``["PATH..."]``."""
    return re.sub(r"\[[^\]]*\]", " ", heading).split()


def _argument_names(argument) -> list[str]:
    """How a heading may name ``argument``: in capitals (``TABLE``); a variadic one also singular (``PATH...``)."""
    name = argument.name.upper().replace("_", "-")
    if argument.nargs != -1:
        return [name]
    return [name, f"{name}...", f"{name[:-1]}..." if name.endswith("S") else f"{name}..."]


@pytest.mark.parametrize("command,argument", COMMAND_ARGUMENTS, ids=[f"{c}-{a.name}" for c, a in COMMAND_ARGUMENTS])
def test_command_arguments_are_in_the_heading(command, argument):
    assert command in SECTIONS, f"README.md has no '### `claimex {command} ...`' heading"
    heading = SECTIONS[command][0]
    assert set(_argument_names(argument)) & set(_positionals(heading)), (
        f"README.md's heading for claimex {command} does not name its argument {_argument_names(argument)[0]}:"
        f" {heading!r}"
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_headings_name_no_other_arguments(command):
    assert command in SECTIONS, f"README.md has no '### `claimex {command} ...`' heading"
    arguments = _visible(CLI.commands[command].params, "argument")
    assert len(_positionals(SECTIONS[command][0])) == len(arguments), (
        f"README.md's heading for claimex {command} names {_positionals(SECTIONS[command][0])},"
        f" the command takes {[a.name for a in arguments]}"
    )


@pytest.mark.parametrize("option", ROOT_OPTIONS)
def test_global_options_have_a_heading(option):
    assert option in SECTIONS, f"README.md has no '### `claimex {option}`' heading"


def test_sections_end_at_the_next_heading_of_the_same_level():
    text = "# t\n\n### `claimex a X [--one]`\n\n--two\n\n#### detail\n\n--three\n\n### `claimex b`\n\n--four\n\n## Other\n\n--five\n"
    sections = _sections(text)
    assert set(sections) == {"a", "b"}
    assert all(_mentions(sections["a"][1], o) for o in ("--one", "--two", "--three"))
    assert not _mentions(sections["a"][1], "--four")
    assert _mentions(sections["b"][1], "--four") and not _mentions(sections["b"][1], "--five")
    assert sections["a"][0] == " X [--one]" and _positionals(" PATH... [-o OUT|DIR/] [--x N]") == ["PATH..."]
    assert not _mentions("--id-field", "--id") and _mentions("`--id ID`", "--id")


KIND_WORDS = {"str": "text", "int": "integer", "float": "float", "date": "date", "list": "list of text"}


def test_readme_lists_every_column_in_order_with_its_type():
    from claimex.schema import COLUMNS

    section = README.split("\n## The claims table\n", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `(\w+)` \| ([^|]+?) \|", section, re.MULTILINE)
    assert documented == [(c.name, KIND_WORDS[c.kind]) for c in COLUMNS], (
        "README.md's column table under '## The claims table' must list the schema's columns, in order, with their types"
    )


# -- the set-up and the walkthrough, as a new user takes them ---------------------------------------


def _section(title: str) -> str:
    return README.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def _code_lines(text: str) -> list[str]:
    """The lines of the indented code blocks of ``text``, without their comments."""
    return [line[4:].split("  #")[0].strip() for line in text.splitlines() if line.startswith("    ")]


def test_the_second_set_up_command_uses_the_environment_of_the_first():
    first, second = _code_lines(_section("Set-up: two commands (Python 3.11)"))[:2]
    assert first.startswith("python3.11 -m venv .venv && .venv/bin/pip install .")
    assert "-m venv" not in second, "the second set-up command must not rebuild the .venv the first made"
    assert second.startswith(".venv/bin/pip install") and second.endswith(".venv/bin/python -m pytest -q -n auto")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for step in second.split(" && ")[1:]:
        assert step in ci, f"README's check {step!r} is not what .ci/run runs"


def test_the_top_states_the_test_time_and_links_the_limits():
    top = README.split("\n## Commands\n", 1)[0]
    assert re.search(r"the tests take about \d+ minutes", top)
    assert "[What claimex does not find](#what-claimex-does-not-find)" in README.split("\n## ", 1)[0]
    assert len(_section("What claimex does not find").split()) < 400  # short


def test_walkthrough_commands_exist_as_written():
    lines = _code_lines(_section("Walkthrough"))
    assert lines[0] == ". .venv/bin/activate"
    for line in lines[1:]:
        words = line.split()
        assert words[0] == "claimex" and words[1] in COMMANDS, line
        options = {o for p in _visible(CLI.commands[words[1]].params, "option") for o in [*p.opts, *p.secondary_opts]}
        for word in words[2:]:
            assert not word.startswith("-") or word in options, f"{line}: {word} is not an option of {words[1]}"
            assert word.startswith("-") or not word.startswith("data/raw/") or (REPO / word).exists(), word


@pytest.mark.model
@pytest.mark.subprocess
@pytest.mark.slow
def test_the_walkthrough_runs_top_to_bottom(tmp_path):
    """Each walkthrough command, in a copy of the checkout's data, with the environment activated."""
    shutil.copytree(REPO / "data" / "raw", tmp_path / "data" / "raw")
    venv_bin = Path(sys.executable).parent
    if not (venv_bin / "claimex").exists():
        pytest.skip("claimex is not installed beside this Python")
    env = {**os.environ, "PATH": f"{venv_bin}{os.pathsep}{os.environ.get('PATH', '')}", "COLUMNS": "100"}
    for line in _code_lines(_section("Walkthrough"))[1:]:
        done = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{line}: {done.stderr}"
        assert "Traceback" not in done.stderr and "error" not in done.stderr, f"{line}: {done.stderr}"
    for name in ("claims.csv", "article.html", "report.html", "claims.xlsx", "claims.db"):
        assert (tmp_path / "data" / "out" / name).stat().st_size > 0, name
