"""Re-evaluation: the released model scored on fresh data, against its record and the gates."""

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import joblib
import pytest
from sklearn.utils import shuffle

from ml_project.cli import main as train_main
from ml_project.data import Dataset
from ml_project.fresh_data import (
    load_fresh_data,
)
from ml_project.gates import read_gates
from ml_project.model_file import (
    load_model,
    save_model,
)
from ml_project.params import Task
from ml_project.reevaluate import (
    LOWER_IS_BETTER,
    dropped,
    main,
    reevaluate,
)


@pytest.fixture
def released(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A release's model and metrics, from a real training run with the committed params."""
    outputs = tmp_path / "outputs"
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(outputs))
    assert train_main([]) == 0
    folder = tmp_path / "released"
    folder.mkdir()
    save_model(joblib.load(outputs / "model.joblib"), folder / "model.skops")
    shutil.copyfile(outputs / "metrics.json", folder / "metrics.json")
    return folder


def test_the_default_fresh_data_is_a_reproducible_new_sample(dataset: Dataset) -> None:
    first, again, other = load_fresh_data(1), load_fresh_data(1), load_fresh_data(2)

    assert (first.x == again.x).all()
    assert not (first.x == other.x).all()
    assert first.x.shape == dataset.x.shape
    assert first.y.shape == dataset.y.shape


def test_the_fresh_data_follows_the_configured_training_data(
    csv_file: Path, use_dataset: Callable[..., None]
) -> None:
    use_dataset(csv_file)

    fresh = load_fresh_data(1)

    assert str(csv_file) in fresh.description


def test_the_released_model_holds_its_gates_on_fresh_data(
    released: Path, project_root: Path, task: Task
) -> None:
    recorded = json.loads((released / "metrics.json").read_text())
    gates = read_gates(project_root / "ml-cicd.yaml")
    model = load_model(released / "model.skops")

    outcome = reevaluate(task, model, load_fresh_data(7), recorded, gates)

    assert outcome.healthy, outcome.problems
    assert set(outcome.metrics) == set(recorded)


def test_shuffled_labels_break_the_gates_and_the_record(
    released: Path, project_root: Path, task: Task
) -> None:
    recorded = json.loads((released / "metrics.json").read_text())
    fresh = load_fresh_data(7)
    drifted = replace(fresh, y=shuffle(fresh.y, random_state=0))
    gates = read_gates(project_root / "ml-cicd.yaml")
    model = load_model(released / "model.skops")

    outcome = reevaluate(task, model, drifted, recorded, gates)

    assert not outcome.healthy
    gated = {gate.metric for gate in gates}
    assert any(problem.split(" ")[0] in gated for problem in outcome.problems)
    assert any(" - 0.05" in problem for problem in outcome.problems)


def test_an_error_metric_below_its_record_is_an_improvement(released: Path, task: Task) -> None:
    model = load_model(released / "model.skops")
    fresh = load_fresh_data(7)
    measured = reevaluate(task, model, fresh, {}, []).metrics
    # Every recorded value is worse than the measured one: rmse and mae higher, the others lower.
    recorded = {
        name: value * 10 + 1 if name in LOWER_IS_BETTER else value - 1
        for name, value in measured.items()
    }

    assert reevaluate(task, model, fresh, recorded, []).problems == []


def test_a_drop_within_the_margin_is_not_a_problem() -> None:
    recorded = {"accuracy": 0.95, "f1": 0.96}

    assert dropped({"accuracy": 0.93, "f1": 0.80}, recorded, 0.05) == ["f1 0.8000 < 0.9600 - 0.05"]


def test_the_command_writes_the_summary_and_the_step_outputs(
    released: Path, tmp_path: Path, project_root: Path
) -> None:
    summary, output = tmp_path / "summary.md", tmp_path / "output"
    github = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output)}
    argv = ["--model", str(released / "model.skops"), "--recorded", str(released / "metrics.json")]

    code = main([*argv, "--config", str(project_root / "ml-cicd.yaml"), "--seed", "3"], github)

    assert code == 0
    metric = next(iter(json.loads((released / "metrics.json").read_text())))
    assert f"| {metric} |" in summary.read_text()
    lines = output.read_text().splitlines()
    assert lines[0] == "status=healthy"
    delimiter = lines[1].removeprefix("report<<")
    assert lines[-1] == delimiter and f"| {metric} |" in "\n".join(lines[2:-1])
    result = json.loads((tmp_path / "outputs" / "reevaluation.json").read_text())
    assert result["healthy"] is True
