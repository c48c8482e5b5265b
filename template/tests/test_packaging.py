"""The project is a package: pyproject.toml's dependencies mirror requirements.in, and the tests
import the package installed (editable) from this checkout."""

import re
import sys
from importlib import metadata
from pathlib import Path

import ml_project as package

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest brings tomli on Python 3.10
    import tomli as tomllib

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def normalized(requirement: str) -> str:
    """A requirement line without spaces, its project name as PyPI compares names (PEP 503)."""
    compact = re.sub(r"\s+", "", requirement)
    name = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", compact)
    assert name, f"not a requirement: {requirement!r}"
    return re.sub(r"[-_.]+", "-", name.group().lower()) + compact[name.end() :]


def requirements_in() -> list[str]:
    lines = (PROJECT_ROOT / "requirements.in").read_text(encoding="utf-8").splitlines()
    kept = (line.split(" #")[0].strip() for line in lines)
    return sorted(normalized(line) for line in kept if line and not line.startswith(("#", "-")))


def pyproject() -> dict:
    with (PROJECT_ROOT / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)


def test_pyproject_dependencies_mirror_requirements_in() -> None:
    declared = sorted(normalized(line) for line in pyproject()["project"]["dependencies"])
    assert declared == requirements_in(), (
        "pyproject.toml's [project] dependencies differ from requirements.in: make them the same"
        " lines, then re-lock (see the README)."
    )


def test_the_package_is_installed_from_this_checkout() -> None:
    name = pyproject()["project"]["name"]
    try:
        distribution = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        raise AssertionError(
            f"{name} is not installed: run uv pip install --offline --no-build-isolation"
            " --no-deps -e . (see the README)."
        ) from None
    assert Path(package.__file__).resolve().is_relative_to(PROJECT_ROOT / "src")
    scripts = {entry.name: entry.value for entry in distribution.entry_points}
    assert scripts.get(name) == f"{package.__name__}.cli:main"
