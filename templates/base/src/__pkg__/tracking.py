"""Tracking: where a run's parameters, metrics and model are recorded.

The local tracker below is the embedded default and always runs: CI uploads its folder and reads
metrics.json from it. A remote backend (MLflow, Weights & Biases, Neptune) is a module of its own
that implements Tracker, `tracking_backend.py`; cli.py records the run to it as well when its
settings are present.
"""

import importlib
import importlib.util
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

import joblib

from __pkg__.params import ParamValue


class Tracker(Protocol):
    """What every tracking backend offers; `close` ends the run even when logging failed."""

    @property
    def description(self) -> str: ...

    def log_params(self, params: Mapping[str, ParamValue]) -> None: ...

    def log_metrics(self, metrics: Mapping[str, float]) -> None: ...

    def log_model(self, model: object) -> None: ...

    def close(self) -> None: ...


class LocalTracker:
    """Files in one folder: params.json, metrics.json (a flat object of numbers), model.joblib."""

    def __init__(self, output_dir: Path) -> None:
        # Created now, so an unusable folder is reported before a long training run, not after.
        output_dir.mkdir(parents=True, exist_ok=True)
        self.output_dir = output_dir
        self.files: list[Path] = []

    @property
    def description(self) -> str:
        return f"local files in {self.output_dir}"

    def log_params(self, params: Mapping[str, ParamValue]) -> None:
        self._write_json("params.json", params)

    def log_metrics(self, metrics: Mapping[str, float]) -> None:
        self._write_json("metrics.json", metrics)

    def log_model(self, model: object) -> None:
        # joblib files are pickles: load only ones you made yourself.
        path = self.output_dir / "model.joblib"
        joblib.dump(model, path)
        self.files.append(path)

    def close(self) -> None:
        """Nothing to flush: each file is complete when its log_* call returns."""

    def _write_json(self, name: str, data: Mapping[str, object]) -> None:
        path = self.output_dir / name
        path.write_text(json.dumps(dict(data), indent=2) + "\n", encoding="utf-8")
        self.files.append(path)


def open_trackers(output_dir: Path) -> tuple[LocalTracker, Tracker | None, str]:
    """The local tracker, the remote one if any, and one line saying where the run is logged.

    A project generated with a remote tracker has a `tracking_backend` module whose
    `open_tracker()` returns that tracker, or None when its settings are not set; its `UNSET`
    says which variable turns it on.
    """
    local = LocalTracker(output_dir)
    spec = importlib.util.find_spec(f"{__package__}.tracking_backend")
    if spec is None:
        return local, None, f"{local.description} (no remote tracker configured)"
    backend = importlib.import_module(spec.name)
    remote: Tracker | None = backend.open_tracker()
    if remote is None:
        return local, None, f"{local.description} (no remote tracker configured: {backend.UNSET})"
    return local, remote, f"{local.description} and {remote.description}"


def record(
    tracker: Tracker,
    params: Mapping[str, ParamValue],
    metrics: Mapping[str, float],
    model: object,
) -> None:
    """Log one run's parameters, metrics and model to `tracker`, then close it."""
    try:
        tracker.log_params(params)
        tracker.log_metrics(metrics)
        tracker.log_model(model)
    finally:
        tracker.close()
