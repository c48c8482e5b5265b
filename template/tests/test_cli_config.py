"""train.py's flags, ml-cicd.yaml's params and train.yml's inputs are one list: they must agree."""

import math
from typing import Any

import pytest

from ml_project.cli import main
from ml_project.params import (
    Bounded,
    arguments,
    parse_params,
)

PYTHON_TYPES = {"integer": int, "number": float, "choice": str, "string": str}
DISPATCH_TYPES = {
    "integer": "number",
    "number": "number",
    "boolean": "boolean",
    "choice": "choice",
    "string": "string",
}


def python_type(argument: dict[str, Any]) -> type:
    """What argparse turns the flag's text into (a range check wraps int and float)."""
    kind = argument["type"]
    return kind.kind if isinstance(kind, Bounded) else kind


def rejects(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Assert `argv` is a usage error (exit status 2) and return what was printed about it."""
    with pytest.raises(SystemExit) as exit_info:
        parse_params(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_every_flag_is_a_param(config: dict[str, Any]) -> None:
    assert set(arguments()) == {f"--{name}" for name in config["params"]}


def test_flag_matches_param(param_name: str, config: dict[str, Any]) -> None:
    param = config["params"][param_name]
    argument = arguments().get(f"--{param_name}")

    assert argument is not None, f"train.py has no flag --{param_name}"
    assert argument["default"] == param["default"]
    assert python_type(argument) is PYTHON_TYPES[param["type"]]
    assert list(argument.get("choices", [])) == param.get("choices", [])
    if isinstance(argument["type"], Bounded):
        assert (argument["type"].minimum, argument["type"].maximum) == (param["min"], param["max"])
    else:
        assert "min" not in param and "max" not in param
    assert argument["help"].startswith(param["description"])


def test_flag_enforces_the_param_range(
    param_name: str, config: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    param = config["params"][param_name]
    flag = f"--{param_name}"
    if param["type"] == "choice":
        for value in param["choices"]:
            assert parse_params([f"{flag}={value}"]).as_dict()[param_name] == value
        assert flag in rejects([f"{flag}=not-a-choice"], capsys)
        return
    low, high = param["min"], param["max"]
    for value in (low, high):
        assert parse_params([f"{flag}={value}"]).as_dict()[param_name] == value
    if param["type"] == "integer":
        beyond = [low - 1, high + 1, low + 0.5]
    else:
        beyond = [math.nextafter(low, -math.inf), math.nextafter(high, math.inf)]
    for value in beyond:
        message = rejects([f"{flag}={value}"], capsys)
        assert flag in message and f"from {low} to {high}" in message


def test_every_param_is_a_train_workflow_input(
    config: dict[str, Any], dispatch_inputs: dict[str, dict[str, Any]]
) -> None:
    # extra-args is train.yml's own input: more arguments for the script, not a param.
    assert set(dispatch_inputs) - {"extra-args"} == set(config["params"])


def test_train_workflow_input_matches_param(
    param_name: str, config: dict[str, Any], dispatch_inputs: dict[str, dict[str, Any]]
) -> None:
    param = config["params"][param_name]
    workflow_input = dispatch_inputs[param_name]

    assert workflow_input["type"] == DISPATCH_TYPES[param["type"]]
    assert workflow_input["default"] == param["default"]
    assert workflow_input.get("options") == param.get("choices")
    assert workflow_input["description"] == param["description"]
    assert workflow_input.get("required", False) is False


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--criterion", "nope"], "--criterion"),
        (["--max-depth", "0"], "--max-depth"),
        (["--test-size", "half"], "--test-size"),
        (["--no-such-flag", "1"], "--no-such-flag"),
    ],
)
def test_bad_flag_is_a_usage_error_naming_it(
    argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)

    assert exit_info.value.code == 2
    assert flag in capsys.readouterr().err
