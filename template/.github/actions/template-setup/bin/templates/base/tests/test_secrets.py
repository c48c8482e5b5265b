"""Secrets stay in the environment: never printed, logged or written by a training run."""

import logging
from pathlib import Path
from typing import get_args
from uuid import uuid4

import pytest
from pydantic import SecretStr

from __pkg__.cli import main
from __pkg__.settings import (
    Settings,
    env_var,
    load_settings,
)

# Not a setting: stands for any credential that happens to be in the environment of a run.
BYSTANDER = "TRAIN_API_TOKEN"


def secret_fields() -> list[str]:
    """Every SecretStr setting: this test covers each secret a feature adds to Settings."""
    return [
        name
        for name, field in Settings.model_fields.items()
        if SecretStr in (field.annotation, *get_args(field.annotation))
    ]


def test_training_never_shows_or_writes_a_secret(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    planted = {env_var(name): f"planted-{uuid4().hex}" for name in secret_fields()}
    planted[BYSTANDER] = f"planted-{uuid4().hex}"
    for variable, value in planted.items():
        monkeypatch.setenv(variable, value)
    output_dir = tmp_path / "run"
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(output_dir))
    monkeypatch.setenv("TRAIN_LOG_LEVEL", "DEBUG")
    caplog.set_level(logging.DEBUG)

    settings = load_settings()
    for name in secret_fields():
        assert getattr(settings, name).get_secret_value() == planted[env_var(name)]
    assert main(["--n-estimators=5"]) == 0

    captured = capsys.readouterr()
    shown = captured.out + captured.err + caplog.text
    written = [path.read_bytes() for path in output_dir.rglob("*") if path.is_file()]
    assert written
    for variable, value in planted.items():
        assert value not in shown, f"the value of {variable} was printed"
        assert not any(value.encode() in data for data in written), f"{variable} was written"
