"""Shared fixtures: the project's own config files, and a clean folder and environment per test."""

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import pytest
import yaml
from sklearn.ensemble import RandomForestClassifier

from __pkg__.settings import (
    ENV_PREFIX,
    Settings,
    env_var,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def read_yaml(path: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def env_example_names() -> list[str]:
    """Every variable .env.example lists: all that the code reads, a tracker's among them."""
    path = PROJECT_ROOT / ".env.example"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return re.findall(r"^(?:# )?([A-Z][A-Z0-9_]*)=", text, re.MULTILINE)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each test that takes `param_name` once for every parameter in ml-cicd.yaml."""
    if "param_name" in metafunc.fixturenames:
        names = list(read_yaml(PROJECT_ROOT / "ml-cicd.yaml")["params"])
        metafunc.parametrize("param_name", names)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test runs in an empty folder, without the settings of the developer's shell."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.upper().startswith(ENV_PREFIX):
            monkeypatch.delenv(name)
    for name in Settings.model_fields:
        monkeypatch.delenv(env_var(name), raising=False)
    for name in env_example_names():
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def fit_raises(monkeypatch: pytest.MonkeyPatch) -> Callable[[BaseException], None]:
    """Call it with an error to make the model's fit raise it, as a crash in training would."""

    def arrange(error: BaseException) -> None:
        def fit(*args: object, **kwargs: object) -> NoReturn:
            raise error

        monkeypatch.setattr(RandomForestClassifier, "fit", fit)

    return arrange


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def config(project_root: Path) -> dict[str, Any]:
    """ml-cicd.yaml, the one list of parameters and metric gates."""
    return read_yaml(project_root / "ml-cicd.yaml")


@pytest.fixture(scope="session")
def train_workflow(project_root: Path) -> dict[Any, Any]:
    """.github/workflows/train.yml, whose dispatch inputs are the parameters."""
    return read_yaml(project_root / ".github" / "workflows" / "train.yml")


@pytest.fixture(scope="session")
def dispatch_inputs(train_workflow: dict[Any, Any]) -> dict[str, dict[str, Any]]:
    """The `workflow_dispatch` inputs of the training workflow, by name."""
    # PyYAML reads YAML 1.1, where a bare `on` key is the boolean True.
    triggers = train_workflow["on"] if "on" in train_workflow else train_workflow[True]
    inputs: dict[str, dict[str, Any]] = triggers["workflow_dispatch"]["inputs"]
    return inputs
