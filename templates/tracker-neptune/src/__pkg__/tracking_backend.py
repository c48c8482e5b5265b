"""Neptune backend: each run also goes to a Neptune 3.x server, or to its offline run file.

It uses neptune-scale, the client of Neptune 3.x. The variables are Neptune's own, so the same
settings work for `neptune sync`. The API token also holds the address of the server, which is how a
self-hosted Neptune is reached. NEPTUNE_CLOSE_TIMEOUT is this project's: the client has no such
variable.
"""

import logging
import time
from typing import Literal

from neptune_scale import Run
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

UNSET = "set NEPTUNE_API_TOKEN, or NEPTUNE_MODE=offline, to log runs to Neptune"

logger = logging.getLogger(__name__)


class NeptuneSettings(BaseSettings):
    """Where runs go; an empty variable counts as unset."""

    model_config = SettingsConfigDict(env_ignore_empty=True)

    api_token: SecretStr | None = Field(default=None, validation_alias="NEPTUNE_API_TOKEN")
    project: str | None = Field(
        default=None, validation_alias="NEPTUNE_PROJECT", pattern=r"^[^/\s]+/[^/\s]+$"
    )
    mode: Literal["async", "offline", "disabled"] | None = Field(
        default=None, validation_alias="NEPTUNE_MODE"
    )
    # The client's own variable: where run files are kept (it reads it too), here to name it.
    log_directory: str = Field(default=".neptune", validation_alias="NEPTUNE_LOG_DIRECTORY")
    # Seconds the end of a run waits for the upload, so that an unreachable server cannot hold
    # the job until its own timeout.
    close_timeout: float = Field(default=60, ge=0, validation_alias="NEPTUNE_CLOSE_TIMEOUT")


class NeptuneTracker:
    """One Neptune run, started before training so that a crash is recorded too."""

    def __init__(self, settings: NeptuneSettings, project: str) -> None:
        self.settings = settings
        self.project = project
        token = settings.api_token
        self.run = Run(
            project=project,
            api_token=token.get_secret_value() if token is not None else None,
            mode=settings.mode or "async",
            # stdout stays the user's, and the commit is logged below like every backend does.
            enable_console_log_capture=False,
            source_tracking_config=None,
        )

    @property
    def description(self) -> str:
        folder = self.settings.log_directory.rstrip("/")
        where = f"offline files in {folder}/" if self.settings.mode == "offline" else "Neptune"
        return f"Neptune ({where}), project {self.project}"

    def log(self, run: RunRecord) -> None:
        # Single values (final metrics too) are configs in Neptune 3.x; series need steps.
        details: dict[str, float | str] = {"run/duration_seconds": run.duration_seconds}
        if run.git_commit is not None:
            details["run/git_commit"] = run.git_commit
        self.run.log_configs(
            {f"parameters/{name}": value for name, value in run.params.items()}
            | {f"metrics/{name}": value for name, value in run.metrics.items()}
            | details
        )
        # Offline, the files are sent from where they are by `neptune sync`.
        files = {f"plots/{name}": path for name, path in run.plots.items()}
        self.run.assign_files({"model": run.model_file, **files})

    def close(self, status: RunStatus) -> None:
        # Neptune 3.x has no state for a failed run, so the run says how it ended itself.
        self.run.log_configs({"run/status": status})
        if self.settings.mode == "offline":
            self.run.close()
            return
        seconds = self.settings.close_timeout
        deadline = time.monotonic() + seconds
        sent = self.run.wait_for_processing(timeout=seconds, verbose=False)
        self.run.close(timeout=max(0.0, deadline - time.monotonic()))
        stop_uploading(self.run)
        if not sent:
            folder = self.settings.log_directory.rstrip("/")
            logger.warning(
                "Neptune did not take the whole run within %g s (NEPTUNE_CLOSE_TIMEOUT); the rest "
                "stays in %s/: keep the output folder and send it later with "
                "`neptune sync %s/<run>/run_operations.sqlite3`.",
                seconds,
                folder,
                folder,
            )


def stop_uploading(run: Run) -> None:
    """End the client's upload process if closing left it running.

    Told to stop, it still gives each stuck connection up to a minute, and Python waits for it
    before exiting. neptune-scale 0.30 offers no public way to end it: when its private attribute
    is gone, the client's own limit applies.
    """
    process = getattr(run, "_sync_process", None)
    if process is not None and process.is_alive():
        process.kill()
        process.join()


def open_tracker() -> NeptuneTracker | None:
    """The Neptune tracker when a token or offline mode is set, else None; SettingsError if bad."""
    settings = backend_settings(NeptuneSettings)
    if settings.mode == "disabled" or (settings.api_token is None and settings.mode != "offline"):
        return None
    if settings.project is None:
        raise SettingsError("set NEPTUNE_PROJECT to the Neptune project, as workspace/project.")
    return NeptuneTracker(settings, settings.project)
