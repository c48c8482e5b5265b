"""The MLflow model registry: releases registered on a real `mlflow server`, read over REST."""

import json
from pathlib import Path

import pytest
from test_tracking_mlflow import call, no_telemetry, server  # noqa: F401 (fixtures)

from __pkg__.cli import main as train_main
from __pkg__.registry_mlflow import main
from __pkg__.release import (
    main as release_main,
)


@pytest.fixture
def release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project_root: Path) -> Path:
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "outputs"))
    assert train_main([]) == 0
    folder = tmp_path / "release"
    config = str(project_root / "ml-cicd.yaml")
    argv = ["--outputs", str(tmp_path / "outputs"), "--to", str(folder), "--config", config]
    assert release_main(argv) == 0
    return folder


def test_each_release_is_a_new_version_of_the_model(
    release: Path,
    server: str,  # noqa: F811 (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", server)
    monkeypatch.setenv("MLFLOW_REGISTERED_MODEL_NAME", "registry-test")

    assert main([str(release)]) == 0
    assert main([str(release)]) == 0

    found = call(server, "model-versions/search", {"filter": "name='registry-test'"})
    versions = sorted(found["model_versions"], key=lambda version: int(version["version"]))
    assert [version["version"] for version in versions] == ["1", "2"]
    run = call(server, "runs/get", {"run_id": versions[-1]["run_id"]})["run"]
    metrics = {metric["key"]: metric["value"] for metric in run["data"]["metrics"]}
    recorded = json.loads((release / "metrics.json").read_text(encoding="utf-8"))
    assert metrics == pytest.approx(recorded)
    artifacts = call(server, "artifacts/list", {"run_id": run["info"]["run_id"], "path": "model"})
    assert [item["path"] for item in artifacts["files"]] == ["model/model.skops"]


def test_the_champion_alias_moves_to_each_new_release_and_no_stage_is_set(
    release: Path,
    server: str,  # noqa: F811 (the fixture imported above)
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", server)
    monkeypatch.setenv("MLFLOW_REGISTERED_MODEL_NAME", "alias-test")

    assert main([str(release)]) == 0
    first = call(server, "registered-models/alias", {"name": "alias-test", "alias": "champion"})
    assert first["model_version"]["version"] == "1"
    assert main([str(release)]) == 0

    model = call(server, "registered-models/get", {"name": "alias-test"})["registered_model"]
    assert [(alias["alias"], alias["version"]) for alias in model["aliases"]] == [("champion", "2")]
    found = call(server, "model-versions/search", {"filter": "name='alias-test'"})
    assert {version.get("current_stage", "None") for version in found["model_versions"]} == {"None"}


def test_without_a_tracking_uri_it_says_what_to_set(
    release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(release)]) == 1
    assert "MLFLOW_TRACKING_URI" in capsys.readouterr().err
