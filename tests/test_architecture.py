"""docs/ARCHITECTURE.md names modules, folders and the names inside them: they must exist."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "claimex"
DOC = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")

TREE = re.search(r"```\n(.*?)```", DOC, re.S).group(1)  # the tree: a path or two at the start of each line
PATHS = sorted(
    {p for line in TREE.splitlines() for p in re.findall(r"[\w/]+(?:\.py|/)", line.split("  ")[0])}
    | set(re.findall(r"`([\w/]+(?:\.py|/))`", DOC))
)
# "`nlp/attribution.py` (`find_claims` ...)": the names in the parentheses after a module are in it
MODULE_NAMES = sorted(
    {
        (module, name)
        for module, inside in re.findall(r"`([\w/]+\.py)`[^`(]{0,20}\(([^)]*)\)", DOC)
        for name in re.findall(r"`([A-Za-z_]\w*)`", inside)
    }
)


def _where(path: str) -> Path:
    return ROOT / path if path.startswith(("tests/", "docs/", "src/")) else PACKAGE / path


def test_the_document_names_modules():
    assert len(PATHS) > 25 and len(MODULE_NAMES) > 8


@pytest.mark.parametrize("path", PATHS)
def test_every_named_module_and_folder_exists(path):
    where = _where(path)
    assert where.is_dir() if path.endswith("/") else where.is_file(), f"ARCHITECTURE.md names {path}, not in the tree"


@pytest.mark.parametrize("module, name", MODULE_NAMES)
def test_every_named_function_exists_in_its_module(module, name):
    if module.startswith("tests/"):
        return
    dotted = "claimex." + module.removesuffix(".py").replace("/", ".")
    assert hasattr(importlib.import_module(dotted), name), f"ARCHITECTURE.md says {module} has {name}"


def test_no_function_in_src_is_over_60_lines():
    """Functions short enough to read at once (issue 20): a longer one becomes named helpers."""
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > 60:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({lines} lines)")
    assert not long, long
