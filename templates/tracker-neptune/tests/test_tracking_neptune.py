"""Neptune backend: the real client in offline mode, its run file read back from disk."""

import base64
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from neptune_api.proto.neptune_pb.ingest.v1.common_pb2 import UpdateRunSnapshot

from __pkg__.cli import (
    main,
)

FLAGS = ["--max-depth=3", "--seed=7"]
COMMIT = "0123456789abcdef0123456789abcdef01234567"
# Operation types of neptune-scale's run file: 0 updates the run, 1 creates it.
UPDATE = 0


def attributes(run_file: Path) -> dict[str, Any]:
    """Every value the run file assigns, by attribute path; files as their upload requests."""
    values: dict[str, Any] = {}
    with closing(sqlite3.connect(run_file)) as database:
        rows = database.execute(
            "SELECT operation FROM run_operations WHERE operation_type = ? ORDER BY sequence_id",
            (UPDATE,),
        )
        for (operation,) in rows:
            for path, value in UpdateRunSnapshot.FromString(operation).assign.items():
                kind = value.WhichOneof("value")
                values[path] = value.file_ref.path if kind == "file_ref" else getattr(value, kind)
        uploads = database.execute("SELECT source_path, destination FROM file_upload_requests")
        values["uploads"] = {Path(source).name: destination for source, destination in uploads}
        (project,) = database.execute("SELECT project FROM metadata").fetchone()
        values["project"] = project
    return values


def test_offline_run_holds_everything_a_run_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEPTUNE_MODE", "offline")
    monkeypatch.setenv("NEPTUNE_PROJECT", "team/tests")
    # CI passes an unset secret as an empty string: it must count as unset.
    monkeypatch.setenv("NEPTUNE_API_TOKEN", "")
    monkeypatch.setenv("GITHUB_SHA", COMMIT)
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(FLAGS) == 0

    assert "Neptune (offline files in .neptune/), project team/tests" in capsys.readouterr().out
    (run_file,) = Path(".neptune").glob("*/run_operations.sqlite3")
    logged = attributes(run_file)
    assert logged["project"] == "team/tests"
    assert logged["parameters/max-depth"] == 3
    assert logged["parameters/seed"] == 7
    local_params = json.loads((tmp_path / "run" / "params.json").read_text(encoding="utf-8"))
    assert {name: logged[f"parameters/{name}"] for name in local_params} == local_params
    local_metrics = json.loads((tmp_path / "run" / "metrics.json").read_text(encoding="utf-8"))
    metrics = {name: logged[f"metrics/{name}"] for name in local_metrics}
    assert metrics == pytest.approx(local_metrics)
    local_run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert logged["run/duration_seconds"] == pytest.approx(local_run["duration_seconds"])
    assert logged["run/git_commit"] == COMMIT
    assert logged["run/status"] == "finished"
    uploads = logged["uploads"]
    assert logged["model"] == uploads["model.joblib"]
    plots = sorted(path.name for path in (tmp_path / "run").glob("*.svg"))
    assert plots
    assert {name: logged[f"plots/{name[:-4]}"] for name in plots} == {
        name: uploads[name] for name in plots
    }


def test_offline_runs_go_to_the_log_directory_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A CI runner keeps them outside the workspace, which is cleaned when the job ends.
    runs = tmp_path / "neptune-runs"
    monkeypatch.setenv("NEPTUNE_MODE", "offline")
    monkeypatch.setenv("NEPTUNE_PROJECT", "team/tests")
    monkeypatch.setenv("NEPTUNE_LOG_DIRECTORY", str(runs))
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(FLAGS) == 0

    assert f"Neptune (offline files in {runs}/), project team/tests" in capsys.readouterr().out
    (run_file,) = runs.glob("*/run_operations.sqlite3")
    assert attributes(run_file)["run/status"] == "finished"
    assert not Path(".neptune").exists()


def test_a_crash_in_training_is_recorded_in_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fit_raises: Callable[[BaseException], None]
) -> None:
    monkeypatch.setenv("NEPTUNE_MODE", "offline")
    monkeypatch.setenv("NEPTUNE_PROJECT", "team/tests")
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))
    fit_raises(RuntimeError("fit failed"))

    with pytest.raises(RuntimeError, match="fit failed"):
        main(FLAGS)

    (run_file,) = Path(".neptune").glob("*/run_operations.sqlite3")
    logged = attributes(run_file)
    assert logged["run/status"] == "failed"
    assert not [name for name in logged if name.startswith("metrics/")]


def unreachable_server_token() -> str:
    """An API token whose server address is a local port nothing listens on: the token holds the
    address, as Neptune's own tokens do."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{sock.getsockname()[1]}"
    token = json.dumps({"api_address": address, "api_url": address})
    return base64.b64encode(token.encode()).decode()


def test_an_unreachable_server_holds_the_end_of_a_run_no_longer_than_its_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project_root: Path
) -> None:
    monkeypatch.setenv("NEPTUNE_API_TOKEN", unreachable_server_token())
    monkeypatch.setenv("NEPTUNE_PROJECT", "team/tests")
    monkeypatch.setenv("NEPTUNE_CLOSE_TIMEOUT", "2")
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    # A process of its own: Python waits for the client's upload process before it exits.
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(project_root / "train.py"), *FLAGS],
        capture_output=True,
        text=True,
        timeout=300,
        env=os.environ,
    )
    elapsed = time.monotonic() - started

    assert result.returncode == 0, result.stderr
    # Left alone, the client gives a stuck connection a minute more after the wait.
    assert elapsed < 45
    assert "within 2 s (NEPTUNE_CLOSE_TIMEOUT)" in result.stderr
    assert "neptune sync .neptune/<run>/run_operations.sqlite3" in result.stderr
    (run_file,) = Path(".neptune").glob("*/run_operations.sqlite3")
    logged = attributes(run_file)
    assert logged["run/status"] == "finished"
    assert logged["parameters/max-depth"] == 3


@pytest.mark.parametrize("seconds", ["soon", "-1"])
def test_a_close_timeout_that_is_not_a_number_of_seconds_is_refused(
    seconds: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEPTUNE_MODE", "offline")
    monkeypatch.setenv("NEPTUNE_PROJECT", "team/tests")
    monkeypatch.setenv("NEPTUNE_CLOSE_TIMEOUT", seconds)

    assert main(FLAGS) == 1

    assert "NEPTUNE_CLOSE_TIMEOUT" in capsys.readouterr().err


def test_without_a_token_it_logs_locally_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEPTUNE_PROJECT", "team/tests")
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(FLAGS) == 0

    (line,) = [line for line in capsys.readouterr().out.splitlines() if "Tracking" in line]
    assert "set NEPTUNE_API_TOKEN" in line
    assert not Path(".neptune").exists()


def test_a_token_without_a_project_is_refused_without_showing_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEPTUNE_API_TOKEN", "token-that-is-secret")

    assert main(FLAGS) == 1

    output = capsys.readouterr()
    assert "NEPTUNE_PROJECT" in output.err
    assert "token-that-is-secret" not in output.out + output.err


def test_unknown_mode_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEPTUNE_MODE", "sideways")

    assert main(FLAGS) == 1

    assert "NEPTUNE_MODE" in capsys.readouterr().err
