"""The task, the data file and the hyperparameters, read from ml-cicd.yaml at run time.

Adding a hyperparameter is one entry under `params` in ml-cicd.yaml (then `ml-cicd sync` for the
workflows); model.py passes it to the estimator as a keyword argument (`max-depth` → `max_depth`).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

ParamValue = int | float | str | bool
Task = Literal["binary", "multiclass", "regression"]
TASKS: tuple[Task, ...] = get_args(Task)
CONFIG_NAME = "ml-cicd.yaml"
# src/<package>/params.py: the project's folder is two levels up.
PROJECT_ROOT = Path(__file__).resolve().parents[2]


class ConfigError(Exception):
    """ml-cicd.yaml is missing or holds a task or param this code cannot use."""


def config_file() -> Path:
    """ml-cicd.yaml beside the code, so train.py reads the same file from any folder.

    An install that is not editable copies the package away from the project; then the file is
    looked for in the working folder, the project's when the workflows run.
    """
    beside_code = PROJECT_ROOT / CONFIG_NAME
    return beside_code if beside_code.is_file() else Path.cwd() / CONFIG_NAME


def read_config(path: Path | None = None) -> dict[str, Any]:
    """ml-cicd.yaml as a mapping; ConfigError names the file when it cannot be read."""
    path = path or config_file()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror}.") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path} is not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path} should hold a mapping (version, params, metrics...).")
    return data


def read_task(config: Mapping[str, Any]) -> Task:
    """The config's `task`; a project made before tasks existed has none and is binary."""
    task = config.get("task", "binary")
    if task not in TASKS:
        raise ConfigError(f"task in {CONFIG_NAME} is {task!r}; expected one of {', '.join(TASKS)}.")
    return task  # type: ignore[no-any-return]


@dataclass(frozen=True)
class DataSource:
    """The file to train on (None: the task's bundled data set), and its target column."""

    path: Path | None = None
    target: str = "target"


def read_source(config: Mapping[str, Any]) -> DataSource:
    """The config's `dataset`, its path taken from the folder of ml-cicd.yaml; none: bundled."""
    entry = config.get("dataset")
    if entry is None:
        return DataSource()
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
        raise ConfigError(f"dataset in {CONFIG_NAME} should be a mapping with a path (and target).")
    path = (config_file().parent / entry["path"]).resolve()
    return DataSource(path, str(entry.get("target", "target")))


def parse_bool(text: str) -> bool:
    """true/false (any case), as the workflow passes a boolean input; also yes/no and 1/0."""
    lowered = text.strip().lower()
    if lowered in ("true", "yes", "1"):
        return True
    if lowered in ("false", "no", "0"):
        return False
    raise argparse.ArgumentTypeError(f"expected true or false, got {text!r}")


@dataclass(frozen=True)
class ParamSpec:
    """One entry of `params` in ml-cicd.yaml: a flag of train.py, with its type and bounds."""

    name: str
    type: Literal["integer", "number", "boolean", "choice", "string"]
    default: ParamValue
    description: str
    minimum: int | float | None = None
    maximum: int | float | None = None
    choices: tuple[str, ...] = ()
    pattern: str | None = None

    def allowed(self) -> str:
        """What the flag accepts, in words: "an integer from 1 to 1000"."""
        if self.type in ("integer", "number"):
            noun = "an integer" if self.type == "integer" else "a number"
            return f"{noun} from {self.minimum} to {self.maximum}"
        if self.type == "choice":
            return f"one of {', '.join(self.choices)}"
        if self.type == "boolean":
            return "true or false"
        return f"a string matching {self.pattern}" if self.pattern else "a string"

    def __call__(self, text: str) -> ParamValue:
        """The flag's text as a value (argparse's `type`); the error names what is allowed."""
        if self.type == "boolean":
            return parse_bool(text)
        if self.type in ("choice", "string"):
            if self.choices and text not in self.choices:
                raise argparse.ArgumentTypeError(f"expected {self.allowed()}, got {text!r}")
            if self.pattern and not re.fullmatch(self.pattern, text):
                raise argparse.ArgumentTypeError(f"expected {self.allowed()}, got {text!r}")
            return text
        try:
            value: int | float = int(text) if self.type == "integer" else float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {self.allowed()}, got {text!r}") from None
        # `not a <= x <= b` also rejects nan, which compares false with everything.
        if not self.minimum <= value <= self.maximum:  # type: ignore[operator]
            raise argparse.ArgumentTypeError(f"expected {self.allowed()}, got {text!r}")
        return value


KINDS = {"integer": int, "number": (int, float), "boolean": bool, "choice": str, "string": str}


def read_spec(name: str, entry: Mapping[str, Any]) -> ParamSpec:
    """One param of ml-cicd.yaml, checked enough that the parser built from it works."""
    where = f"param {name} in {CONFIG_NAME}"
    kind = entry.get("type")
    if kind not in KINDS:
        raise ConfigError(f"{where}: type should be one of {', '.join(KINDS)}, not {kind!r}.")
    default = entry.get("default")
    # bool is an int in Python: an integer param must not take `true`.
    if not isinstance(default, KINDS[kind]) or (kind != "boolean" and isinstance(default, bool)):
        raise ConfigError(f"{where}: default {default!r} is not of type {kind}.")
    spec = ParamSpec(
        name=name,
        type=kind,
        default=float(default) if kind == "number" else default,
        description=str(entry.get("description", "")),
        minimum=entry.get("min"),
        maximum=entry.get("max"),
        choices=tuple(str(choice) for choice in entry.get("choices", ())),
        pattern=entry.get("pattern"),
    )
    if kind in ("integer", "number") and (spec.minimum is None or spec.maximum is None):
        raise ConfigError(f"{where}: a {kind} param needs min and max.")
    try:
        spec(str(default).lower() if kind == "boolean" else str(default))
    except argparse.ArgumentTypeError as error:
        raise ConfigError(f"{where}: the default does not fit: {error}.") from None
    return spec


def read_specs(config: Mapping[str, Any]) -> dict[str, ParamSpec]:
    """Every param of the config by name, in the config's order."""
    params = config.get("params") or {}
    if not isinstance(params, dict):
        raise ConfigError(f"params in {CONFIG_NAME} should be a mapping of name to param.")
    return {str(name): read_spec(str(name), entry) for name, entry in params.items()}


class Params(Mapping[str, ParamValue]):
    """The values of one run by param name, spelled as in ml-cicd.yaml (`max-depth`); immutable."""

    def __init__(self, values: Mapping[str, ParamValue]) -> None:
        self._values = dict(values)

    def __getitem__(self, name: str) -> ParamValue:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Params({self._values!r})"

    def __hash__(self) -> int:
        return hash(tuple(self._values.items()))

    @property
    def test_size(self) -> float:
        return float(self._values["test-size"])

    @property
    def seed(self) -> int:
        return int(self._values["seed"])

    def replace(self, changes: Mapping[str, ParamValue]) -> Params:
        """A copy with `changes`; a name that is not a param is a KeyError."""
        unknown = set(changes) - set(self._values)
        if unknown:
            raise KeyError(f"not a param: {', '.join(sorted(unknown))}")
        return Params({**self._values, **changes})


def build_parser(specs: Mapping[str, ParamSpec]) -> argparse.ArgumentParser:
    """The command-line parser: one flag per param, its help naming what it accepts."""
    # No `prog`: usage names the command as it was run, train.py or the console script.
    parser = argparse.ArgumentParser(
        description=(
            f"Train and evaluate the model, then record the parameters, metrics and model file. "
            f"The flags are the params of {CONFIG_NAME}, which also names the task and the data "
            f"file; settings such as the output folder come from TRAIN_* environment variables."
        ),
    )
    for spec in specs.values():
        options: dict[str, Any] = {"type": spec}
        if spec.choices:
            # argparse shows and checks the choices itself; validate reads them there too.
            options["choices"] = spec.choices
        else:
            kinds = {"integer": "INT", "number": "FLOAT", "boolean": "BOOL"}
            options["metavar"] = kinds.get(spec.type, "TEXT")
        parser.add_argument(
            f"--{spec.name}",
            dest=spec.name,
            default=spec.default,
            help=f"{spec.description} ({spec.allowed()}; default: {spec.default})",
            **options,
        )
    return parser


def parse_params(
    argv: list[str] | None = None, specs: Mapping[str, ParamSpec] | None = None
) -> Params:
    """Params from command-line flags (default: ml-cicd.yaml's params); a bad value exits with
    status 2 and names the flag."""
    specs = read_specs(read_config()) if specs is None else specs
    return Params(vars(build_parser(specs).parse_args(argv)))


def default_params(specs: Mapping[str, ParamSpec] | None = None) -> Params:
    """Every param at its default: what a run without flags trains with."""
    return parse_params([], specs)
