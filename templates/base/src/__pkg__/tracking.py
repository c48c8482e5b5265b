"""Tracking: where a run's parameters, metrics, duration, commit, model and plots are recorded.

The local tracker below is the embedded default and always runs: CI uploads its folder and reads
metrics.json from it. A remote backend (MLflow, Weights & Biases, Neptune) is a module of its own
that implements Tracker, `tracking_backend.py`; cli.py logs the run to it as well when its
settings are present. Every backend logs the same RunRecord, and records how the run ended.
"""

import importlib
import importlib.util
import json
import os
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol, TypeVar

import joblib
from pydantic import ValidationError
from pydantic_settings import BaseSettings

from __pkg__.params import ParamValue
from __pkg__.settings import SettingsError

SettingsT = TypeVar("SettingsT", bound=BaseSettings)

# How a run ended: killed when interrupted (Ctrl-C), failed on any other error. MLflow's run
# statuses use the same words.
RunStatus = Literal["finished", "failed", "killed"]


@dataclass(frozen=True)
class RunRecord:
    """One run as every tracker logs it; the files are those the local tracker wrote."""

    params: Mapping[str, ParamValue]
    metrics: Mapping[str, float]
    duration_seconds: float
    # The commit the code was trained from; None outside a git checkout.
    git_commit: str | None
    model_file: Path
    # SVG files by plot name, e.g. "confusion_matrix".
    plots: Mapping[str, Path]


class Tracker(Protocol):
    """What every remote backend offers. The run starts when the tracker is opened, before
    training, so that a crash is recorded too; `close` ends it with how it ended."""

    @property
    def description(self) -> str: ...

    def log(self, run: RunRecord) -> None: ...

    def close(self, status: RunStatus) -> None: ...


# What a previous run left in the folder: removed before a run, so that a run that fails leaves
# only its run.json, never a model or metrics that look like its own.
RUN_FILES = ("params.json", "metrics.json", "run.json", "model.joblib")


class LocalTracker:
    """Files in one folder: params.json, metrics.json (a flat object of numbers), run.json (how
    the run ended, the data's hash, the commit and whether the checkout had changes, and once
    trained the duration), model.joblib and one SVG per plot."""

    def __init__(self, output_dir: Path) -> None:
        # Created now, so an unusable folder is reported before a long training run, not after.
        output_dir.mkdir(parents=True, exist_ok=True)
        for stale in [*RUN_FILES, *(path.name for path in output_dir.glob("*.svg"))]:
            (output_dir / stale).unlink(missing_ok=True)
        self.output_dir = output_dir
        self.files: list[Path] = []
        self.run_details: dict[str, object] = {}

    @property
    def description(self) -> str:
        return f"local files in {self.output_dir}"

    def save(
        self,
        params: Mapping[str, ParamValue],
        metrics: Mapping[str, float],
        model: object,
        *,
        duration_seconds: float,
        git_commit: str | None,
        plots: Mapping[str, str],
    ) -> RunRecord:
        """Write the run's files (`plots` are SVG texts by name) and return what they hold."""
        self._write_json("params.json", params)
        # run.json is written when the run ends, with its status.
        self.run_details.update(duration_seconds=duration_seconds, git_commit=git_commit)
        # joblib files are pickles: load only ones you made yourself.
        model_file = self._track(self.output_dir / "model.joblib")
        joblib.dump(model, model_file)
        plot_files = {}
        for name, svg in plots.items():
            plot_files[name] = self._track(self.output_dir / f"{name}.svg")
            plot_files[name].write_text(svg, encoding="utf-8")
        # Last: metrics.json is what CI reads, so it exists only once everything else does.
        self._write_json("metrics.json", metrics)
        return RunRecord(
            params=dict(params),
            metrics=dict(metrics),
            duration_seconds=duration_seconds,
            git_commit=git_commit,
            model_file=model_file,
            plots=plot_files,
        )

    def close(self, status: RunStatus) -> None:
        self._write_json("run.json", {"status": status, **self.run_details})

    def _track(self, path: Path) -> Path:
        self.files.append(path)
        return path

    def _write_json(self, name: str, data: Mapping[str, object]) -> None:
        path = self._track(self.output_dir / name)
        path.write_text(json.dumps(dict(data), indent=2) + "\n", encoding="utf-8")


def git_commit() -> str | None:
    """The commit being trained: GITHUB_SHA in GitHub Actions, else the checkout's HEAD, else None.

    Never fails: without git, or outside a repository, a run simply has no commit.
    """
    sha = os.environ.get("GITHUB_SHA", "").strip()
    if sha:
        return sha
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None


def git_dirty() -> bool | None:
    """Whether the checkout has changes not committed (untracked files too); None without git."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain"],
            cwd=Path(__file__).resolve().parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() != ""


@contextmanager
def recording_how_it_ends(local: LocalTracker, remote: Tracker | None) -> Iterator[None]:
    """Close both trackers when the block ends, however it ends, with the run's status."""
    status: RunStatus = "failed"
    try:
        yield
        status = "finished"
    except KeyboardInterrupt:
        status = "killed"
        raise
    finally:
        local.close(status)
        if remote is not None:
            remote.close(status)


def backend_settings(kind: type[SettingsT]) -> SettingsT:
    """A backend's settings read from the environment; SettingsError names each unusable one."""
    try:
        return kind()
    except ValidationError as error:
        # include_input=False: the rejected value may be a secret, so it is never repeated.
        names = [str(problem["loc"][0]) for problem in error.errors(include_input=False)]
        raise SettingsError(f"{', '.join(names)} is not valid.") from None


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
