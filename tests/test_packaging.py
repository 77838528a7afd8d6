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


def test_every_data_file_is_shipped():
    """A file under src/claimex that is not Python must match a package-data pattern of its package."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    package_root = ROOT / "src" / "claimex"
    for path in package_root.rglob("*"):
        if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(package_root)
        owners = [(".".join(("claimex", *relative.parts[:i])), relative.parts[i:]) for i in range(len(relative.parts))]
        shipped = any(Path(*rest).match(pattern) for package, rest in owners for pattern in config.get(package, ()))
        assert shipped, f"{relative} is not in [tool.setuptools.package-data]"
