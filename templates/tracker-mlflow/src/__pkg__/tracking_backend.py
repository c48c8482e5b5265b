"""MLflow backend: each run also goes to the tracking server at MLFLOW_TRACKING_URI.

The variables are MLflow's own, so the same settings work for `mlflow` commands. The client reads
MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD from the environment itself; they are read
here too only to check them and to show the password as stars.
"""

import tempfile
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import joblib
import mlflow
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from __pkg__.params import (
    ParamValue,
)
from __pkg__.settings import (
    SettingsError,
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


def without_credentials(uri: str) -> str:
    """`uri` without a user or password in it, for printing."""
    parts = urlsplit(uri)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=host))


class MlflowTracker:
    """One MLflow run, started when the first thing is logged so a failed training leaves none."""

    def __init__(self, tracking_uri: str, experiment_name: str) -> None:
        self.tracking_uri = tracking_uri
        self.experiment_name = experiment_name
        self.run_id: str | None = None

    @property
    def description(self) -> str:
        where = without_credentials(self.tracking_uri)
        return f"MLflow at {where}, experiment {self.experiment_name}"

    def _start(self) -> None:
        if self.run_id is None:
            mlflow.set_tracking_uri(self.tracking_uri)
            mlflow.set_experiment(self.experiment_name)
            self.run_id = mlflow.start_run().info.run_id

    def log_params(self, params: Mapping[str, ParamValue]) -> None:
        self._start()
        mlflow.log_params(dict(params))

    def log_metrics(self, metrics: Mapping[str, float]) -> None:
        self._start()
        mlflow.log_metrics(dict(metrics))

    def log_model(self, model: object) -> None:
        self._start()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "model.joblib"
            joblib.dump(model, path)
            mlflow.log_artifact(str(path), artifact_path="model")

    def close(self) -> None:
        if self.run_id is not None:
            mlflow.end_run()


def open_tracker() -> MlflowTracker | None:
    """The MLflow tracker when MLFLOW_TRACKING_URI is set, else None; SettingsError if unusable."""
    try:
        settings = MlflowSettings()
    except ValidationError as error:
        names = [str(problem["loc"][0]) for problem in error.errors(include_input=False)]
        raise SettingsError(f"{', '.join(names)} is not valid.") from None
    if (settings.username is None) != (settings.password is None):
        raise SettingsError(
            "set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD together, or neither."
        )
    if settings.tracking_uri is None:
        return None
    return MlflowTracker(settings.tracking_uri, settings.experiment_name)
