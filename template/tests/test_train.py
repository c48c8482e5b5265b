"""End to end: a training run with every output checked, in-process and through train.py."""

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest

from ml_project.cli import main
from ml_project.data import Dataset
from ml_project.params import (
    ParamSpec,
    ParamValue,
)


def other_value(spec: ParamSpec) -> ParamValue:
    """A valid value other than the default, so the test sees the flag take effect."""
    if spec.type == "boolean":
        return not spec.default
    if spec.type == "choice":
        return next(choice for choice in spec.choices if choice != spec.default)
    if spec.type == "integer":
        default, low, high = int(spec.default), int(spec.minimum or 0), int(spec.maximum or 0)
        # Small values keep the test fast (fewer trees), larger than the minimum if possible.
        return low + 1 if default != low + 1 and low < high else high
    if spec.type == "number":
        return (float(spec.default) + float(spec.maximum or 0)) / 2
    return spec.default


def flag(name: str, value: ParamValue) -> str:
    return f"--{name}={str(value).lower() if isinstance(value, bool) else value}"


def test_run_writes_params_metrics_and_a_usable_model(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: dict[str, Any],
    specs: dict[str, ParamSpec],
    dataset: Dataset,
) -> None:
    changed = {name: other_value(spec) for name, spec in specs.items() if spec.type != "string"}
    assert all(changed[name] != specs[name].default for name in changed)
    output_dir = tmp_path / "run"
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(output_dir))

    assert main([flag(name, value) for name, value in changed.items()]) == 0

    expected = {name: spec.default for name, spec in specs.items()} | changed
    assert json.loads((output_dir / "params.json").read_text(encoding="utf-8")) == expected
    metrics = json.loads((output_dir / "metrics.json").read_text(encoding="utf-8"))
    assert {gate["metric"] for gate in config["metrics"]["gates"]} <= set(metrics)
    assert all(type(value) in (int, float) for value in metrics.values())
    model = joblib.load(output_dir / "model.joblib")
    predicted = model.predict(dataset.x[:20])
    if dataset.class_names:
        assert set(predicted.tolist()) <= set(np.unique(dataset.y).tolist())
    else:
        assert np.isfinite(predicted).all()
    stdout = capsys.readouterr().out
    for name, value in expected.items():
        row = rf"^\s+{re.escape(name)}\s+{re.escape(str(value))}$"
        assert re.search(row, stdout, re.MULTILINE), f"{name}={value} is not printed"
    assert "no remote tracker configured" in stdout


def test_train_script_help_lists_every_param_with_its_range_and_default(
    project_root: Path, specs: dict[str, ParamSpec]
) -> None:
    # A real process: train.py as the workflows run it.
    result = subprocess.run(
        [sys.executable, str(project_root / "train.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )

    help_text = " ".join(result.stdout.split())
    for name, spec in specs.items():
        assert f"--{name}" in help_text
        assert f"({spec.allowed()}; default: {spec.default})" in help_text
