"""Settings come from TRAIN_* environment variables; a bad one is a one-line error, exit code 1."""

from pathlib import Path

import pytest

from ml_project.cli import main
from ml_project.settings import load_settings


def test_defaults_without_environment() -> None:
    settings = load_settings()

    assert settings.output_dir == Path("outputs")
    assert settings.log_level == "INFO"


def test_values_come_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("TRAIN_LOG_LEVEL", "debug")

    settings = load_settings()

    assert settings.output_dir == tmp_path / "elsewhere"
    assert settings.log_level == "DEBUG"


def test_dotenv_file_is_not_read() -> None:
    Path(".env").write_text("TRAIN_LOG_LEVEL=ERROR\n", encoding="utf-8")

    assert load_settings().log_level == "INFO"


def test_bad_log_level_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRAIN_LOG_LEVEL", "loud")

    assert main(["--n-estimators=5"]) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "TRAIN_LOG_LEVEL" in captured.err and "'WARNING'" in captured.err
    assert "Traceback" not in captured.err


def test_unusable_output_dir_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    occupied = tmp_path / "a-file"
    occupied.write_text("", encoding="utf-8")
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(occupied))

    assert main(["--n-estimators=5"]) == 1

    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert str(occupied) in error and "TRAIN_OUTPUT_DIR" in error
