"""Shared fixtures: the project's own config files, and a clean folder and environment per test."""

import csv
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import numpy as np
import pytest
import yaml

from __pkg__ import params as params_module
from __pkg__.data import (
    Dataset,
    Split,
    load_dataset,
    split_dataset,
)
from __pkg__.model import estimator_class
from __pkg__.params import (
    DataSource,
    Params,
    ParamSpec,
    Task,
    default_params,
    read_source,
    read_specs,
    read_task,
)
from __pkg__.settings import (
    ENV_PREFIX,
    Settings,
    env_var,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CONFIG = PROJECT_ROOT / "ml-cicd.yaml"


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
        names = list(read_yaml(CONFIG)["params"])
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

        monkeypatch.setattr(estimator_class(read_task(read_yaml(CONFIG))), "fit", fit)

    return arrange


@pytest.fixture(scope="session")
def project_root() -> Path:
    return PROJECT_ROOT


@pytest.fixture(scope="session")
def config(project_root: Path) -> dict[str, Any]:
    """ml-cicd.yaml, the one list of parameters and metric gates."""
    return read_yaml(project_root / "ml-cicd.yaml")


@pytest.fixture(scope="session")
def task(config: dict[str, Any]) -> Task:
    """What the model predicts: binary, multiclass or regression."""
    return read_task(config)


@pytest.fixture(scope="session")
def specs(config: dict[str, Any]) -> dict[str, ParamSpec]:
    return read_specs(config)


@pytest.fixture(scope="session")
def defaults(specs: dict[str, ParamSpec]) -> Params:
    """The params a run without flags trains with."""
    return default_params(specs)


@pytest.fixture(scope="session")
def source(config: dict[str, Any]) -> DataSource:
    """ml-cicd.yaml's data file, or none: the task's bundled set."""
    return read_source(config)


@pytest.fixture(scope="session")
def dataset(task: Task, source: DataSource) -> Dataset:
    """The data training uses: the tests read its shape, never a constant."""
    return load_dataset(task, source)


@pytest.fixture
def use_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project_root: Path
) -> Callable[[dict[str, Any]], None]:
    """Call it with a changed copy of ml-cicd.yaml: the code then reads that copy, from a folder of
    the test's. A relative `dataset.path` is taken from the project's folder, as in the original."""

    def arrange(changed: dict[str, Any]) -> None:
        folder = tmp_path / "project"
        folder.mkdir(exist_ok=True)
        if "dataset" in changed:
            path = os.path.relpath(project_root / changed["dataset"]["path"], folder)
            changed = {**changed, "dataset": {**changed["dataset"], "path": path}}
        text = yaml.safe_dump(changed, sort_keys=False)
        (folder / "ml-cicd.yaml").write_text(text, encoding="utf-8")
        monkeypatch.setattr(params_module, "PROJECT_ROOT", folder)

    return arrange


@pytest.fixture
def use_dataset(
    config: dict[str, Any], project_root: Path, use_config: Callable[[dict[str, Any]], None]
) -> Callable[..., None]:
    """Call it with a file (and target column) to train on it, as ml-cicd.yaml's `dataset` would."""

    def arrange(path: Path, target: str = "target") -> None:
        dataset = {"path": os.path.relpath(path, project_root), "target": target}
        use_config({**config, "dataset": dataset})

    return arrange


@pytest.fixture(scope="session")
def split(dataset: Dataset, task: Task, defaults: Params) -> Split:
    return split_dataset(dataset, task, defaults.test_size, defaults.seed)


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


def write_csv(path: Path, dataset: Dataset, target: str = "target") -> Path:
    """The dataset as a CSV file a user would bring: classes written as their names (text)."""
    names: dict[Any, str] = {}
    if dataset.class_names:
        names = dict(zip(np.unique(dataset.y).tolist(), dataset.class_names, strict=True))
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow([*dataset.feature_names, target])
        for features, label in zip(dataset.x.tolist(), dataset.y.tolist(), strict=True):
            writer.writerow([*map(repr, features), names.get(label, label)])
    return path


@pytest.fixture
def csv_file(tmp_path: Path, dataset: Dataset) -> Path:
    """The task's bundled data written as a CSV file, labels as text."""
    return write_csv(tmp_path / "data.csv", dataset)
