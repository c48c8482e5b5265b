"""MLflow backend: each run also goes to the tracking server at MLFLOW_TRACKING_URI.

The variables are MLflow's own, so the same settings work for `mlflow` commands. The client reads
MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD from the environment itself; they are read
here too only to check them and to show the password as stars. MLFLOW_AUTOLOG is this project's:
MLflow itself has no such variable.
"""

import importlib
from types import ModuleType
from urllib.parse import urlsplit, urlunsplit

import mlflow
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from __pkg__.settings import (
    SettingsError,
)
from __pkg__.tracking import (
    RunRecord,
    RunStatus,
    backend_settings,
)

UNSET = "set MLFLOW_TRACKING_URI to log runs to MLflow"
PROJECT = "__project__"


class MlflowSettings(BaseSettings):
    """Where runs go and who logs them; an empty variable counts as unset."""

    model_config = SettingsConfigDict(env_ignore_empty=True)

    tracking_uri: str | None = Field(default=None, validation_alias="MLFLOW_TRACKING_URI")
    username: str | None = Field(default=None, validation_alias="MLFLOW_TRACKING_USERNAME")
    password: SecretStr | None = Field(default=None, validation_alias="MLFLOW_TRACKING_PASSWORD")
    experiment_name: str = Field(default=PROJECT, validation_alias="MLFLOW_EXPERIMENT_NAME")
    autolog: bool = Field(default=False, validation_alias="MLFLOW_AUTOLOG")


def without_credentials(uri: str) -> str:
    """`uri` without a user or password in it, for printing."""
    parts = urlsplit(uri)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=host))


class MlflowTracker:
    """One MLflow run, started before training so that MLflow records a crash as FAILED, and
    with autologging records the model's fit in it."""

    def __init__(
        self, tracking_uri: str, experiment_name: str, autolog: ModuleType | None = None
    ) -> None:
        self.tracking_uri = tracking_uri
        self.experiment_name = experiment_name
        self.autolog = autolog
        if autolog is not None:
            # The model file is logged below like every backend does; autolog adds the estimator's
            # own parameters and training scores.
            autolog.autolog(log_models=False, log_datasets=False, silent=True)
        mlflow.set_tracking_uri(tracking_uri)
        mlflow.set_experiment(experiment_name)
        mlflow.start_run()

    @property
    def description(self) -> str:
        where = without_credentials(self.tracking_uri)
        autolog = ", with autologging" if self.autolog is not None else ""
        return f"MLflow at {where}, experiment {self.experiment_name}{autolog}"

    def log(self, run: RunRecord) -> None:
        mlflow.log_params(dict(run.params))
        mlflow.log_metrics(dict(run.metrics))
        mlflow.log_metric("duration_seconds", run.duration_seconds)
        if run.git_commit is not None:
            # MLflow's own tag for the commit, which its UI shows with the run.
            mlflow.set_tag("mlflow.source.git.commit", run.git_commit)
        mlflow.log_artifact(str(run.model_file), artifact_path="model")
        for path in run.plots.values():
            mlflow.log_artifact(str(path), artifact_path="plots")

    def close(self, status: RunStatus) -> None:
        # MLflow's statuses are the same words in capitals: FINISHED, FAILED, KILLED.
        mlflow.end_run(status.upper())
        if self.autolog is not None:
            self.autolog.autolog(disable=True)


def sklearn_flavor() -> ModuleType:
    """mlflow.sklearn, whose autologging needs pandas, a package mlflow-skinny leaves out."""
    try:
        return importlib.import_module("mlflow.sklearn")
    except ImportError:
        raise SettingsError(
            "MLFLOW_AUTOLOG=true needs pandas, which mlflow-skinny leaves out: "
            "add it to requirements.in and lock again (the command is in its first lines)."
        ) from None


def open_tracker() -> MlflowTracker | None:
    """The MLflow tracker when MLFLOW_TRACKING_URI is set, else None; SettingsError if unusable."""
    settings = backend_settings(MlflowSettings)
    if (settings.username is None) != (settings.password is None):
        raise SettingsError(
            "set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD together, or neither."
        )
    if settings.tracking_uri is None:
        return None
    autolog = sklearn_flavor() if settings.autolog else None
    return MlflowTracker(settings.tracking_uri, settings.experiment_name, autolog)
