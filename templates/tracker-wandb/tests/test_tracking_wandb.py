"""Weights & Biases backend: the real client in offline mode, its run file read back."""

import json
import struct
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from wandb.proto import wandb_internal_pb2

from __pkg__.cli import (
    main,
)

FLAGS = ["--max-depth=3", "--seed=7"]
COMMIT = "0123456789abcdef0123456789abcdef01234567"
# The run file is W&B's LevelDB-style log: 32 KiB blocks of records with a 7-byte header (CRC,
# length, kind), each record a protobuf Record; kind 1 is whole, 2-4 are first, middle, last.
BLOCK, HEADER, WHOLE, LAST = 32768, 7, 1, 4


def records(path: Path) -> Iterator[Any]:
    data = path.read_bytes()
    assert data[:4] == b":W&B"
    offset, pending = 7, b""
    while offset + HEADER <= len(data):
        left = BLOCK - offset % BLOCK
        if left < HEADER:
            offset += left
            continue
        _, length, kind = struct.unpack("<IHB", data[offset : offset + HEADER])
        pending += data[offset + HEADER : offset + HEADER + length]
        offset += HEADER + length
        if kind in (WHOLE, LAST):
            record = wandb_internal_pb2.Record()
            record.ParseFromString(pending)
            yield record
            pending = b""


def offline_run_file() -> Path:
    """The offline run's file, once the client's service has created it: it does so on its own."""
    deadline = time.monotonic() + 60
    while not (found := list(Path("wandb").glob("offline-run-*/run-*.wandb"))):
        assert time.monotonic() < deadline, "no offline run file under wandb/"
        time.sleep(0.2)
    (path,) = found
    return path


def finished_records(path: Path) -> list[Any]:
    """The run file's records once its exit record is written: the client's service writes the
    file on its own and may still be at it when `finish()` returns."""
    deadline = time.monotonic() + 60
    while True:
        found = list(records(path))
        if any(record.WhichOneof("record_type") == "exit" for record in found):
            return found
        assert time.monotonic() < deadline, f"{path} has no exit record"
        time.sleep(0.2)


def exit_codes(records: list[Any]) -> list[int]:
    """The exit code the run ended with: 0 is finished, anything else failed."""
    exits = [record.exit for record in records if record.WhichOneof("record_type") == "exit"]
    return [record.exit_code for record in exits]


def values(items: Any) -> dict[str, Any]:
    """Config, history or summary items by key (a nested key joined with dots)."""
    return {
        str(item.key or ".".join(item.nested_key)): json.loads(item.value_json) for item in items
    }


def test_offline_run_holds_everything_a_run_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WANDB_MODE", "offline")
    monkeypatch.setenv("WANDB_PROJECT", "tests")
    # CI passes an unset variable as an empty string: it must count as unset.
    monkeypatch.setenv("WANDB_ENTITY", "")
    monkeypatch.setenv("WANDB_SILENT", "true")
    monkeypatch.setenv("GITHUB_SHA", COMMIT)
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(FLAGS) == 0

    assert "Weights & Biases (offline files in wandb/), project tests" in capsys.readouterr().out
    run_file = offline_run_file()
    projects, config, history, summary, artifacts = [], {}, {}, {}, {}
    found = finished_records(run_file)
    assert exit_codes(found) == [0]
    for record in found:
        kind = record.WhichOneof("record_type")
        if kind == "run":
            projects.append(record.run.project)
            config |= values(record.run.config.update)
        elif kind == "config":
            config |= values(record.config.update)
        elif kind == "history":
            history |= values(record.history.item)
        elif kind == "summary":
            summary |= values(record.summary.update)
        elif kind == "artifact":
            contents = record.artifact.manifest.contents
            artifacts[record.artifact.name] = [content.path for content in contents]
    assert projects == ["tests"]
    assert config["max-depth"] == 3
    assert config["seed"] == 7
    local_metrics = json.loads((tmp_path / "run" / "metrics.json").read_text(encoding="utf-8"))
    assert {name: history[name] for name in local_metrics} == pytest.approx(local_metrics)
    local_run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert summary["duration_seconds"] == pytest.approx(local_run["duration_seconds"])
    assert summary["git_commit"] == COMMIT
    svgs = sorted((tmp_path / "run").glob("*.svg"))
    assert svgs
    for svg in svgs:
        assert history[f"{svg.stem}._type"] == "html-file"
        plot = run_file.parent / "files" / history[f"{svg.stem}.path"]
        assert plot.read_text(encoding="utf-8") == svg.read_text(encoding="utf-8")
    assert artifacts == {"model": ["model.joblib"]}


def test_a_crash_in_training_is_recorded_as_a_failed_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fit_raises: Callable[[BaseException], None]
) -> None:
    monkeypatch.setenv("WANDB_MODE", "offline")
    monkeypatch.setenv("WANDB_SILENT", "true")
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))
    fit_raises(RuntimeError("fit failed"))

    with pytest.raises(RuntimeError, match="fit failed"):
        main(FLAGS)

    run_file = offline_run_file()
    assert exit_codes(finished_records(run_file)) == [1]


def test_without_a_key_it_logs_locally_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(FLAGS) == 0

    (line,) = [line for line in capsys.readouterr().out.splitlines() if "Tracking" in line]
    assert "set WANDB_API_KEY" in line
    assert not Path("wandb").exists()


def test_unknown_mode_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WANDB_MODE", "sideways")

    assert main(FLAGS) == 1

    assert "WANDB_MODE" in capsys.readouterr().err
