"""Preparing a release: a real training run, the gates, and the files the release attaches."""

import json
from pathlib import Path

import pytest

from __pkg__.cli import main as train_main
from __pkg__.data import Dataset
from __pkg__.gates import Gate, read_gates
from __pkg__.model_file import load_model
from __pkg__.release import (
    main,
    prepare_release,
)


@pytest.fixture
def outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real training run with the committed params, as the Release workflow makes one."""
    folder = tmp_path / "outputs"
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(folder))
    assert train_main([]) == 0
    return folder


def test_a_run_that_meets_the_gates_is_released(
    outputs: Path, tmp_path: Path, project_root: Path, dataset: Dataset
) -> None:
    release = tmp_path / "release"
    argv = ["--outputs", str(outputs), "--to", str(release)]

    assert main([*argv, "--config", str(project_root / "ml-cicd.yaml")]) == 0

    names = {"model.skops", "metrics.json", "params.json", "notes.md"}
    assert {path.name for path in release.iterdir()} == names
    assert json.loads((release / "metrics.json").read_text()) == json.loads(
        (outputs / "metrics.json").read_text()
    )
    metric = next(iter(json.loads((outputs / "metrics.json").read_text())))
    assert f"| {metric} |" in (release / "notes.md").read_text()
    model = load_model(release / "model.skops")
    assert model.predict(dataset.x[:5]).shape == (5,)


def test_a_missed_gate_stops_the_release(outputs: Path, tmp_path: Path, project_root: Path) -> None:
    release = tmp_path / "release"
    metric = next(iter(json.loads((outputs / "metrics.json").read_text())))
    gates = [*read_gates(project_root / "ml-cicd.yaml"), Gate(metric, min=1e9)]

    missed = prepare_release(outputs, release, gates)

    assert missed and missed[-1].startswith(f"{metric} ")
    assert not release.exists()


def test_the_command_exits_1_naming_the_missed_gate(
    outputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "ml-cicd.yaml"
    metric = next(iter(json.loads((outputs / "metrics.json").read_text())))
    config.write_text(f"metrics:\n  gates:\n    - metric: {metric}\n      min: 1.0e+9\n")

    code = main(["--outputs", str(outputs), "--to", str(tmp_path / "r"), "--config", str(config)])

    assert code == 1
    assert metric in capsys.readouterr().err
