"""Weights & Biases backend: each run also goes to W&B, or to its offline run folder.

The variables are W&B's own, so the same settings work for `wandb` commands; the client reads
WANDB_API_KEY from the environment itself. It is read here too only to check it is there.
"""

from pathlib import Path
from typing import Any, Literal

import wandb
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from __pkg__.tracking import (
    RunRecord,
    RunStatus,
    backend_settings,
)

UNSET = "set WANDB_API_KEY, or WANDB_MODE=offline, to log runs to Weights & Biases"
PROJECT = "__project__"
# A run's exit code is how W&B tells finished (0) from failed runs; 255 is what the client itself
# records for a Ctrl-C.
EXIT_CODES: dict[RunStatus, int] = {"finished": 0, "failed": 1, "killed": 255}


class WandbSettings(BaseSettings):
    """Where runs go; an empty variable counts as unset."""

    model_config = SettingsConfigDict(env_ignore_empty=True)

    api_key: SecretStr | None = Field(default=None, validation_alias="WANDB_API_KEY")
    project: str = Field(default=PROJECT, validation_alias="WANDB_PROJECT")
    entity: str | None = Field(default=None, validation_alias="WANDB_ENTITY")
    mode: Literal["online", "offline", "disabled"] | None = Field(
        default=None, validation_alias="WANDB_MODE"
    )


class WandbTracker:
    """One W&B run, started before training so that a crash is recorded as a failed run."""

    def __init__(self, settings: WandbSettings) -> None:
        self.settings = settings
        self.run: Any = wandb.init(
            project=settings.project,
            entity=settings.entity,
            mode=settings.mode,
            # Absolute: the client's service process, started with the first run, would resolve
            # a relative folder from its own working directory.
            dir=Path.cwd(),
        )

    @property
    def description(self) -> str:
        where = "offline files in wandb/" if self.settings.mode == "offline" else "W&B"
        owner = f"{self.settings.entity}/" if self.settings.entity else ""
        return f"Weights & Biases ({where}), project {owner}{self.settings.project}"

    def log(self, run: RunRecord) -> None:
        self.run.config.update(dict(run.params))
        self.run.log(dict(run.metrics))
        self.run.summary["duration_seconds"] = run.duration_seconds
        if run.git_commit is not None:
            self.run.summary["git_commit"] = run.git_commit
        # An SVG shows as HTML media; the client copies it into the run when it is logged.
        plots = {
            name: wandb.Html(path.read_text(encoding="utf-8"), inject=False)
            for name, path in run.plots.items()
        }
        self.run.log(plots)
        # The client uploads artifact files after log_artifact returns: the file stays in place.
        artifact = wandb.Artifact("model", type="model")
        artifact.add_file(str(run.model_file))
        self.run.log_artifact(artifact)

    def close(self, status: RunStatus) -> None:
        self.run.finish(exit_code=EXIT_CODES[status])


def open_tracker() -> WandbTracker | None:
    """The W&B tracker when a key or offline mode is set, else None; SettingsError if unusable."""
    settings = backend_settings(WandbSettings)
    if settings.mode == "disabled" or (settings.api_key is None and settings.mode != "offline"):
        return None
    return WandbTracker(settings)
