"""pyproject lists packages explicitly (models/ installs as claimex.models): keep the list complete."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT / "src").parts)
        for init in (ROOT / "src" / "claimex").rglob("__init__.py")
    }
    assert found | {"claimex.models"} == listed
