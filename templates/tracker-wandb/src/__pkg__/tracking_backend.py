"""Weights & Biases backend: each run also goes to W&B, or to its offline run folder.

The variables are W&B's own, so the same settings work for `wandb` commands; the client reads
WANDB_API_KEY from the environment itself. It is read here too only to check it is there.
"""

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import joblib
import wandb
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from __pkg__.params import (
    ParamValue,
)
from __pkg__.settings import (
    SettingsError,
)

UNSET = "set WANDB_API_KEY, or WANDB_MODE=offline, to log runs to Weights & Biases"
PROJECT = "__project__"


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
    """One W&B run, started when the first thing is logged so a failed training leaves none."""

    def __init__(self, settings: WandbSettings) -> None:
        self.settings = settings
        self.run: Any = None
        # The client uploads artifact files after log_artifact returns: they stay until close.
        self.folder = tempfile.TemporaryDirectory()

    @property
    def description(self) -> str:
        where = "offline files in wandb/" if self.settings.mode == "offline" else "W&B"
        owner = f"{self.settings.entity}/" if self.settings.entity else ""
        return f"Weights & Biases ({where}), project {owner}{self.settings.project}"

    def _start(self) -> Any:
        if self.run is None:
            self.run = wandb.init(
                project=self.settings.project,
                entity=self.settings.entity,
                mode=self.settings.mode,
                dir=".",
            )
        return self.run

    def log_params(self, params: Mapping[str, ParamValue]) -> None:
        self._start().config.update(dict(params))

    def log_metrics(self, metrics: Mapping[str, float]) -> None:
        self._start().log(dict(metrics))

    def log_model(self, model: object) -> None:
        run = self._start()
        path = Path(self.folder.name) / "model.joblib"
        joblib.dump(model, path)
        artifact = wandb.Artifact("model", type="model")
        artifact.add_file(str(path))
        run.log_artifact(artifact)

    def close(self) -> None:
        try:
            if self.run is not None:
                self.run.finish()
        finally:
            self.folder.cleanup()


def open_tracker() -> WandbTracker | None:
    """The W&B tracker when a key or offline mode is set, else None; SettingsError if unusable."""
    try:
        settings = WandbSettings()
    except ValidationError as error:
        names = [str(problem["loc"][0]) for problem in error.errors(include_input=False)]
        raise SettingsError(f"{', '.join(names)} is not valid.") from None
    if settings.mode == "disabled" or (settings.api_key is None and settings.mode != "offline"):
        return None
    return WandbTracker(settings)
