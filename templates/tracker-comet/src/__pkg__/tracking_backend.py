"""Comet backend: each run also goes to Comet as an experiment, or to an offline archive.

The variables are Comet's own, so the same settings work for `comet` commands; the client reads
COMET_API_KEY, COMET_PROJECT_NAME, COMET_WORKSPACE and COMET_OFFLINE_DIRECTORY from the
environment itself. They are read here too only to decide whether to log and to say where.
"""

from typing import Any

import comet_ml
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from __pkg__.tracking import (
    RunRecord,
    RunStatus,
    backend_settings,
)

UNSET = "set COMET_API_KEY, or COMET_START_ONLINE=false, to log runs to Comet"
PROJECT = "__project__"
OFFLINE_DIRECTORY = ".cometml-runs"


class CometSettings(BaseSettings):
    """Where runs go; an empty variable counts as unset."""

    model_config = SettingsConfigDict(env_ignore_empty=True)

    api_key: SecretStr | None = Field(default=None, validation_alias="COMET_API_KEY")
    project: str = Field(default=PROJECT, validation_alias="COMET_PROJECT_NAME")
    workspace: str | None = Field(default=None, validation_alias="COMET_WORKSPACE")
    online: bool | None = Field(default=None, validation_alias="COMET_START_ONLINE")
    offline_directory: str = Field(
        default=OFFLINE_DIRECTORY, validation_alias="COMET_OFFLINE_DIRECTORY"
    )


class CometTracker:
    """One Comet experiment, started before training so that a crash is recorded as failed."""

    def __init__(self, settings: CometSettings) -> None:
        self.settings = settings
        self.experiment: Any = comet_ml.start(
            project_name=settings.project,
            workspace=settings.workspace,
            online=settings.online is not False,
            experiment_config=comet_ml.ExperimentConfig(
                # The params are logged from the run record, the flags already parsed.
                parse_args=False,
                auto_param_logging=False,
                # Training prints its own lines; the client would wrap stdout to copy them.
                auto_output_logging=False,
                display_summary_level=0,
            ),
        )

    @property
    def description(self) -> str:
        online = self.settings.online is not False
        where = "Comet" if online else f"offline archive in {self.settings.offline_directory}/"
        owner = f"{self.settings.workspace}/" if self.settings.workspace else ""
        return f"Comet ({where}), project {owner}{self.settings.project}"

    def log(self, run: RunRecord) -> None:
        self.experiment.log_parameters(dict(run.params))
        self.experiment.log_metrics(dict(run.metrics))
        self.experiment.log_other("duration_seconds", run.duration_seconds)
        if run.git_commit is not None:
            self.experiment.log_other("git_commit", run.git_commit)
        for path in run.plots.values():
            self.experiment.log_asset(str(path), file_name=path.name)
        self.experiment.log_model("model", str(run.model_file))

    def close(self, status: RunStatus) -> None:
        self.experiment.log_other("status", status)
        self.experiment.end()


def open_tracker() -> CometTracker | None:
    """The Comet tracker when a key or offline mode is set, else None; SettingsError if unusable."""
    settings = backend_settings(CometSettings)
    if settings.api_key is None and settings.online is not False:
        return None
    return CometTracker(settings)
