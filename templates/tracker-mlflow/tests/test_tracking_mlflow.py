"""MLflow backend: a run logged to a real `mlflow server` on 127.0.0.1, read back over REST."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from __pkg__.cli import (
    main,
)
from __pkg__.tracking_backend import (
    without_credentials,
)

FLAGS = ["--max-depth=3", "--seed=7"]
COMMIT = "0123456789abcdef0123456789abcdef01234567"
# MLflow sends anonymous usage data unless told not to; tests touch no network but their own.
NO_TELEMETRY = {"MLFLOW_DISABLE_TELEMETRY": "true"}


@pytest.fixture(autouse=True)
def no_telemetry(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in NO_TELEMETRY.items():
        monkeypatch.setenv(name, value)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def call(server: str, path: str, query: dict[str, str] | None = None) -> dict[str, Any]:
    url = f"{server}/api/2.0/mlflow/{path}"
    if query:
        url += "?" + urllib.parse.urlencode(query)
    with urllib.request.urlopen(url, timeout=10) as response:
        data: dict[str, Any] = json.load(response)
        return data


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`mlflow server` with a SQLite store and a local artifact folder, on a free local port."""
    folder = tmp_path_factory.mktemp("mlflow")
    port = free_port()
    command = [sys.executable, "-m", "mlflow", "server", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", "1"]
    command += ["--backend-store-uri", f"sqlite:///{folder / 'mlflow.db'}"]
    command += ["--artifacts-destination", str(folder / "artifacts")]
    log = (folder / "server.log").open("w")
    env = {**os.environ, **NO_TELEMETRY}
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.close()
                    output = (folder / "server.log").read_text()
                    pytest.fail(f"mlflow server did not start:\n{output}")
                time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def only_run(server: str, experiment_name: str) -> dict[str, Any]:
    """The one run of the experiment, as the REST API returns it."""
    experiment = call(server, "experiments/get-by-name", {"experiment_name": experiment_name})
    experiment_id = experiment["experiment"]["experiment_id"]
    request = urllib.request.Request(
        f"{server}/api/2.0/mlflow/runs/search",
        data=json.dumps({"experiment_ids": [experiment_id]}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        (run,) = json.load(response)["runs"]
    return run


def by_key(items: list[dict[str, Any]]) -> dict[str, Any]:
    return {item["key"]: item["value"] for item in items}


def artifacts(server: str, run: dict[str, Any], folder: str) -> list[str]:
    query = {"run_id": run["info"]["run_id"], "path": folder}
    return [file["path"] for file in call(server, "artifacts/list", query)["files"]]


def test_run_is_logged_to_the_server(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", server)
    monkeypatch.setenv("MLFLOW_EXPERIMENT_NAME", "tests")
    monkeypatch.setenv("GITHUB_SHA", COMMIT)
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(FLAGS) == 0

    assert f"MLflow at {server}, experiment tests" in capsys.readouterr().out
    run = only_run(server, "tests")
    assert run["info"]["status"] == "FINISHED"
    params = by_key(run["data"]["params"])
    assert params["max-depth"] == "3"
    assert params["seed"] == "7"
    local_metrics = json.loads((tmp_path / "run" / "metrics.json").read_text(encoding="utf-8"))
    metrics = by_key(run["data"]["metrics"])
    local_run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    expected = local_metrics | {"duration_seconds": local_run["duration_seconds"]}
    assert metrics == pytest.approx(expected)
    assert by_key(run["data"]["tags"])["mlflow.source.git.commit"] == COMMIT
    assert artifacts(server, run, "model") == ["model/model.joblib"]
    plots = sorted(f"plots/{path.name}" for path in (tmp_path / "run").glob("*.svg"))
    assert plots and sorted(artifacts(server, run, "plots")) == plots


def test_autologging_adds_what_mlflow_records_of_the_fit(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", server)
    monkeypatch.setenv("MLFLOW_EXPERIMENT_NAME", "autolog")
    monkeypatch.setenv("MLFLOW_AUTOLOG", "true")
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(FLAGS) == 0

    run = only_run(server, "autolog")
    assert run["info"]["status"] == "FINISHED"
    params = by_key(run["data"]["params"])
    # The estimator's own argument, as autologging names it, beside the flag of train.py.
    assert params["max_depth"] == params["max-depth"] == "3"
    metrics = by_key(run["data"]["metrics"])
    # What autologging measures on the training rows: training_accuracy_score, training_r2_score...
    assert any(name.startswith("training_") for name in metrics)
    local_metrics = json.loads((tmp_path / "run" / "metrics.json").read_text(encoding="utf-8"))
    assert set(local_metrics) <= set(metrics)
    assert artifacts(server, run, "model") == ["model/model.joblib"]


@pytest.mark.parametrize(
    ("autolog", "error", "status"),
    [
        ("false", RuntimeError("fit failed"), "FAILED"),
        ("true", RuntimeError("fit failed"), "FAILED"),
        ("false", KeyboardInterrupt(), "KILLED"),
    ],
    ids=["fit-fails", "fit-fails-autolog", "ctrl-c"],
)
def test_a_run_that_stops_in_training_ends_as_mlflow_names_it(
    autolog: str,
    error: BaseException,
    status: str,
    server: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fit_raises: Callable[[BaseException], None],
) -> None:
    experiment = f"stopped-{status.lower()}-autolog-{autolog}"
    monkeypatch.setenv("MLFLOW_TRACKING_URI", server)
    monkeypatch.setenv("MLFLOW_EXPERIMENT_NAME", experiment)
    monkeypatch.setenv("MLFLOW_AUTOLOG", autolog)
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))
    fit_raises(error)

    with pytest.raises(type(error)):
        main(FLAGS)

    info = only_run(server, experiment)["info"]
    assert info["status"] == status
    assert int(info["end_time"]) >= int(info["start_time"])


def test_without_a_tracking_uri_it_logs_locally_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(FLAGS) == 0

    (line,) = [line for line in capsys.readouterr().out.splitlines() if "Tracking" in line]
    assert "set MLFLOW_TRACKING_URI" in line
    assert (tmp_path / "run" / "metrics.json").exists()


def test_user_without_password_is_refused_without_showing_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:9")
    monkeypatch.setenv("MLFLOW_TRACKING_USERNAME", "someone-secret")

    assert main(FLAGS) == 1

    output = capsys.readouterr()
    assert "MLFLOW_TRACKING_PASSWORD" in output.err
    assert "someone-secret" not in output.out + output.err


def test_autolog_that_is_not_a_boolean_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:9")
    monkeypatch.setenv("MLFLOW_AUTOLOG", "sometimes")

    assert main(FLAGS) == 1

    assert "MLFLOW_AUTOLOG" in capsys.readouterr().err


def test_autolog_without_pandas_says_what_to_add(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in an install of requirements.txt alone, where mlflow.sklearn fails to import pandas.
    monkeypatch.setitem(sys.modules, "mlflow.sklearn", None)
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://127.0.0.1:9")
    monkeypatch.setenv("MLFLOW_AUTOLOG", "true")

    assert main(FLAGS) == 1

    assert "MLFLOW_AUTOLOG=true needs pandas" in capsys.readouterr().err


def test_credentials_in_the_uri_are_not_shown() -> None:
    shown = without_credentials("https://user:token@mlflow.example.com/path")

    assert shown == "https://mlflow.example.com/path"
