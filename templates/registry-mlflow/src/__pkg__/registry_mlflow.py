"""Publish a release to the MLflow model registry: one run with its params, metrics and model file,
registered as a new version of the project's model, which the alias `champion` then points to.
Aliases replace the registry's stages, which MLflow deprecated: the released model is
`models:/<name>@champion`.

The Release workflow runs `python registry_mlflow.py release` after the review, with
MLFLOW_TRACKING_URI (and the user and password, when the server asks) from the release environment.
"""

import argparse
import json
import sys
import time
from pathlib import Path

from mlflow.entities import Metric, Param
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from __pkg__.model_file import MODEL_FILE
from __pkg__.tracking_backend import (
    PROJECT,
    without_credentials,
)


class RegistrySettings(BaseSettings):
    """Where the registry is and what the model is called there; an empty variable is unset."""

    model_config = SettingsConfigDict(env_ignore_empty=True)

    tracking_uri: str | None = Field(default=None, validation_alias="MLFLOW_TRACKING_URI")
    experiment_name: str = Field(default=PROJECT, validation_alias="MLFLOW_EXPERIMENT_NAME")
    model_name: str = Field(default=PROJECT, validation_alias="MLFLOW_REGISTERED_MODEL_NAME")


# The alias of the released version: each release moves it to the version it registers.
ALIAS = "champion"


def register(release: Path, client: MlflowClient, experiment_name: str, model_name: str) -> str:
    """Log the release as a run, register its model and move the alias to it; its version."""
    experiment = client.get_experiment_by_name(experiment_name)
    experiment_id = (
        experiment.experiment_id if experiment else client.create_experiment(experiment_name)
    )
    run_id = client.create_run(experiment_id, tags={"release": "true"}).info.run_id
    now = int(time.time() * 1000)
    metrics = json.loads((release / "metrics.json").read_text(encoding="utf-8"))
    params = json.loads((release / "params.json").read_text(encoding="utf-8"))
    client.log_batch(
        run_id,
        metrics=[Metric(name, float(value), now, 0) for name, value in metrics.items()],
        params=[Param(name, str(value)) for name, value in params.items()],
    )
    client.log_artifact(run_id, str(release / MODEL_FILE), artifact_path="model")
    client.set_terminated(run_id)
    try:
        client.create_registered_model(model_name)
    except MlflowException as error:
        if error.error_code != "RESOURCE_ALREADY_EXISTS":
            raise
    artifacts = client.get_run(run_id).info.artifact_uri
    version = client.create_model_version(model_name, f"{artifacts}/model", run_id=run_id)
    client.set_registered_model_alias(model_name, ALIAS, version.version)
    return str(version.version)


def main(argv: list[str] | None = None) -> int:
    """Returns 0 once registered, or 1 when MLFLOW_TRACKING_URI is not set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path, help="the folder release.py wrote")
    args = parser.parse_args(argv)
    settings = RegistrySettings()
    if settings.tracking_uri is None:
        print("error: set MLFLOW_TRACKING_URI to register the model.", file=sys.stderr)
        return 1
    client = MlflowClient(settings.tracking_uri)
    version = register(args.release, client, settings.experiment_name, settings.model_name)
    where = without_credentials(settings.tracking_uri)
    print(f"Registered {settings.model_name} version {version} as @{ALIAS} at {where}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
