"""End to end: a training run with every output checked, in-process and through train.py."""

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import joblib
import pytest
from sklearn.datasets import load_breast_cancer

from ml_project.cli import main

# A value other than the default for each parameter, so the test sees each flag take effect.
FLAGS = {"n-estimators": 7, "max-depth": 3, "criterion": "entropy", "test-size": 0.3, "seed": 7}


def test_run_writes_params_metrics_and_a_usable_model(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    config: dict[str, Any],
) -> None:
    params = config["params"]
    assert all(FLAGS[name] != params[name]["default"] for name in FLAGS)
    output_dir = tmp_path / "run"
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(output_dir))

    assert main([f"--{name}={value}" for name, value in FLAGS.items()]) == 0

    expected = {name: param["default"] for name, param in params.items()} | FLAGS
    assert json.loads((output_dir / "params.json").read_text(encoding="utf-8")) == expected
    metrics = json.loads((output_dir / "metrics.json").read_text(encoding="utf-8"))
    assert {gate["metric"] for gate in config["metrics"]["gates"]} <= set(metrics)
    assert all(type(value) in (int, float) for value in metrics.values())
    model = joblib.load(output_dir / "model.joblib")
    assert set(model.predict(load_breast_cancer().data[:20])) <= {0, 1}
    stdout = capsys.readouterr().out
    for name, value in expected.items():
        row = rf"^\s+{re.escape(name)}\s+{re.escape(str(value))}$"
        assert re.search(row, stdout, re.MULTILINE), f"{name}={value} is not printed"
    assert "no remote tracker configured" in stdout


def test_train_script_help_lists_every_param_with_its_default(
    project_root: Path, config: dict[str, Any]
) -> None:
    # A real process: this is the only test that covers train.py putting src/ on the import path.
    result = subprocess.run(
        [sys.executable, str(project_root / "train.py"), "--help"],
        capture_output=True,
        text=True,
        check=True,
    )

    help_text = " ".join(result.stdout.split())
    for name, param in config["params"].items():
        assert f"--{name}" in help_text
        assert f"default: {param['default']})" in help_text
