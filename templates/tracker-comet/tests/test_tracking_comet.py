"""Comet backend: the real client offline, its archive read back."""

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from __pkg__.cli import main

FLAGS = ["--max-depth=3", "--seed=7"]
COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(autouse=True)
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No key and no error reports to Comet; archives in the test's own folder."""
    monkeypatch.delenv("COMET_API_KEY", raising=False)
    monkeypatch.setenv("COMET_ERROR_TRACKING_ENABLE", "false")
    monkeypatch.setenv("COMET_OFFLINE_DIRECTORY", str(tmp_path / "comet"))
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))


def archive(tmp_path: Path) -> zipfile.ZipFile:
    """The one offline archive the run wrote."""
    (path,) = (tmp_path / "comet").glob("*.zip")
    return zipfile.ZipFile(path)


def messages(zip_file: zipfile.ZipFile) -> list[dict[str, Any]]:
    """The archive's messages, one JSON object a line, in the order they were logged."""
    lines = zip_file.read("messages.json").decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def others(found: list[dict[str, Any]]) -> dict[str, Any]:
    return {m["payload"]["key"]: m["payload"]["value"] for m in found if m["type"] == "log_other"}


def test_offline_run_holds_everything_a_run_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COMET_START_ONLINE", "false")
    monkeypatch.setenv("COMET_PROJECT_NAME", "tests")
    # CI passes an unset variable as an empty string: it must count as unset.
    monkeypatch.setenv("COMET_WORKSPACE", "")
    monkeypatch.setenv("GITHUB_SHA", COMMIT)

    assert main(FLAGS) == 0

    assert "Comet (offline archive in" in capsys.readouterr().out
    zip_file = archive(tmp_path)
    experiment = json.loads(zip_file.read("experiment.json"))
    assert experiment["project_name"] == "tests"
    found = messages(zip_file)
    params = {
        m["payload"]["param"]["paramName"]: m["payload"]["param"]["paramValue"]
        for m in found
        if m["type"] == "parameter_msg"
    }
    assert params["max-depth"] == 3
    assert params["seed"] == 7
    metrics = {
        m["payload"]["metric"]["metricName"]: m["payload"]["metric"]["metricValue"]
        for m in found
        if m["type"] == "metric_msg"
    }
    local_metrics = json.loads((tmp_path / "run" / "metrics.json").read_text(encoding="utf-8"))
    assert {name: metrics[name] for name in local_metrics} == pytest.approx(local_metrics)
    logged = others(found)
    local_run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert logged["duration_seconds"] == pytest.approx(local_run["duration_seconds"])
    assert logged["git_commit"] == COMMIT
    assert logged["status"] == "finished"
    # Each file is copied into the archive under a name of its own, given in its message.
    uploads = {
        m["payload"]["additional_params"]["fileName"]: zip_file.read(m["payload"]["file_path"])
        for m in found
        if m["type"] == "file_upload"
    }
    svgs = sorted((tmp_path / "run").glob("*.svg"))
    assert svgs
    for svg in svgs:
        assert uploads[svg.name] == svg.read_bytes()
    assert uploads["model.joblib"] == (tmp_path / "run" / "model.joblib").read_bytes()


def test_a_crash_in_training_is_recorded_as_a_failed_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fit_raises: Callable[[BaseException], None]
) -> None:
    monkeypatch.setenv("COMET_START_ONLINE", "false")
    fit_raises(RuntimeError("fit failed"))

    with pytest.raises(RuntimeError, match="fit failed"):
        main(FLAGS)

    assert others(messages(archive(tmp_path)))["status"] == "failed"


def test_without_a_key_it_logs_locally_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(FLAGS) == 0

    (line,) = [line for line in capsys.readouterr().out.splitlines() if "Tracking" in line]
    assert "set COMET_API_KEY" in line
    assert not (tmp_path / "comet").exists()


def test_an_unreadable_online_setting_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COMET_START_ONLINE", "sideways")

    assert main(FLAGS) == 1

    assert "COMET_START_ONLINE" in capsys.readouterr().err
