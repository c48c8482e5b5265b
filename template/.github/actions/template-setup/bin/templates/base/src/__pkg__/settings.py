"""Run settings from TRAIN_* environment variables: where outputs go, how much to log.

Only the environment is read, never a `.env` file: CI hands settings and secrets to the job as
environment variables, and a file of secrets beside the code is one `git add` away from being
published. To use a `.env` locally, export it in your shell (`set -a; . ./.env; set +a`), or opt
in by adding `env_file=".env"` to `model_config` below.

A secret that a feature adds is a `SecretStr` field: it prints as stars, and its value is read with
`.get_secret_value()` only where it is sent.
"""

from pathlib import Path
from typing import Literal

from pydantic import SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "TRAIN_"


class SettingsError(Exception):
    """An environment variable holds a value the settings cannot use."""


class Settings(BaseSettings):
    """Settings of a run; each field is read from TRAIN_<FIELD NAME> (any letter case)."""

    # An empty variable (`TRAIN_OUTPUT_DIR=`) means "use the default", not "the current folder".
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True)

    output_dir: Path = Path("outputs")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_case(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value


def env_var(name: str) -> str:
    """The environment variable that sets a field (`name` may be a field or its alias)."""
    field = Settings.model_fields.get(name)
    alias = field.validation_alias if field is not None else name
    return alias.upper() if isinstance(alias, str) else f"{ENV_PREFIX}{name}".upper()


def load_settings() -> Settings:
    """Read the settings from the environment, or raise SettingsError saying what to fix."""
    try:
        return Settings()
    except ValidationError as error:
        # include_input=False: the rejected value may be a secret, so it is never repeated.
        problems = [
            f"{env_var(str(problem['loc'][0]))} is not valid: "
            f"{problem['msg'][:1].lower()}{problem['msg'][1:]}"
            for problem in error.errors(include_url=False, include_input=False)
        ]
        raise SettingsError("; ".join(problems) + ".") from None


def describe_settings(settings: Settings) -> dict[str, str]:
    """Each setting's value by environment variable, for printing: secrets show as stars."""
    shown: dict[str, str] = {}
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            shown[env_var(name)] = "********"
        elif value is None:
            shown[env_var(name)] = "(not set)"
        else:
            shown[env_var(name)] = str(value)
    return shown
