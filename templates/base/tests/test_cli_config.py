"""train.py's flags are ml-cicd.yaml's params, read at run time; train.yml's inputs must agree."""

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from __pkg__.cli import main
from __pkg__.model import (
    estimator_class,
    model_kwargs,
)
from __pkg__.params import (
    ConfigError,
    Params,
    Task,
    parse_params,
    read_specs,
)

DISPATCH_TYPES = {
    "integer": "number",
    "number": "number",
    "boolean": "boolean",
    "choice": "choice",
    "string": "string",
}


def rejects(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Assert `argv` is a usage error (exit status 2) and return what was printed about it."""
    with pytest.raises(SystemExit) as exit_info:
        parse_params(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_without_flags_every_param_is_its_default(config: dict[str, Any]) -> None:
    expected = {name: param["default"] for name, param in config["params"].items()}

    assert dict(parse_params([])) == expected


def test_flag_enforces_the_param_range(
    param_name: str, config: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    param = config["params"][param_name]
    flag = f"--{param_name}"
    if param["type"] == "choice":
        for value in param["choices"]:
            assert parse_params([f"{flag}={value}"])[param_name] == value
        assert flag in rejects([f"{flag}=not-a-choice"], capsys)
        return
    if param["type"] == "boolean":
        assert parse_params([f"{flag}=false"])[param_name] is False
        assert flag in rejects([f"{flag}=maybe"], capsys)
        return
    if param["type"] == "string":
        return
    low, high = param["min"], param["max"]
    for value in (low, high):
        assert parse_params([f"{flag}={value}"])[param_name] == value
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


def test_boolean_and_string_params_are_flags_too(capsys: pytest.CaptureFixture[str]) -> None:
    specs = read_specs(
        yaml.safe_load(
            """
            params:
              warm-start: {type: boolean, default: false, description: Reuse the last fit.}
              tag: {type: string, default: v1, pattern: "v[0-9]+", description: A label.}
            """
        )
    )

    params = parse_params(["--warm-start=true", "--tag=v7"], specs)

    assert dict(params) == {"warm-start": True, "tag": "v7"}
    with pytest.raises(SystemExit):
        parse_params(["--tag=seven"], specs)
    assert "--tag" in capsys.readouterr().err and "v[0-9]+" in "".join(specs["tag"].allowed())


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"type": "integer", "default": 3, "description": "d"}, "needs min and max"),
        ({"type": "integer", "default": 99, "min": 1, "max": 9, "description": "d"}, "default"),
        ({"type": "float", "default": 1.0, "description": "d"}, "type should be one of"),
        ({"type": "choice", "default": "c", "choices": ["a", "b"], "description": "d"}, "one of"),
    ],
)
def test_a_param_that_cannot_be_a_flag_is_a_config_error(
    entry: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError, match=f"param knob in ml-cicd.yaml.*{message}"):
        read_specs({"params": {"knob": entry}})


def test_params_are_immutable(defaults: Params) -> None:
    with pytest.raises(TypeError):
        defaults["seed"] = 1  # type: ignore[index]
    with pytest.raises(KeyError, match="not a param"):
        defaults.replace({"no-such-param": 1})


def test_a_new_param_in_ml_cicd_yaml_is_a_flag_that_reaches_the_estimator(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: dict[str, Any],
    use_config: Callable[[dict[str, Any]], None],
    task: Task,
    defaults: Params,
) -> None:
    # An integer keyword of the estimator that no param sets yet, e.g. min_samples_leaf.
    taken = set(model_kwargs(task, defaults))
    keyword, value = next(
        (name, value)
        for name, value in estimator_class(task)().get_params(deep=False).items()
        if type(value) is int and name not in taken and name != "verbose"
    )
    name = keyword.replace("_", "-")
    added = {
        "type": "integer",
        "default": value,
        "min": value,
        "max": value + 10,
        "description": "Added by the test.",
    }
    use_config({**config, "params": {**config["params"], name: added}})
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main([f"--{name}={value + 1}", "--n-estimators=5"]) == 0

    params = yaml.safe_load((tmp_path / "run" / "params.json").read_text(encoding="utf-8"))
    assert params[name] == value + 1
    with pytest.raises(SystemExit):
        main([f"--{name}={value + 11}"])


def test_a_param_the_estimator_does_not_take_fails_the_run_naming_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: dict[str, Any],
    use_config: Callable[[dict[str, Any]], None],
    capsys: pytest.CaptureFixture[str],
) -> None:
    knob = {
        "type": "integer",
        "default": 1,
        "min": 0,
        "max": 2,
        "description": "Not the estimator's.",
    }
    use_config({**config, "params": {**config["params"], "no-such-knob": knob}})
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main([]) == 1

    error = capsys.readouterr().err
    assert "no-such-knob" in error and "model.py" in error
    assert not (tmp_path / "run" / "metrics.json").exists()


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--max-depth", "0"], "--max-depth"),
        (["--test-size", "half"], "--test-size"),
        (["--no-such-flag", "1"], "--no-such-flag"),
    ],
)
def test_bad_flag_is_a_usage_error_naming_it(
    argv: list[str], flag: str, capsys: pytest.CaptureFixture[str], config: dict[str, Any]
) -> None:
    if flag != "--no-such-flag" and flag.removeprefix("--") not in config["params"]:
        pytest.skip(f"{flag} is not a param of this project")
    with pytest.raises(SystemExit) as exit_info:
        main(argv)

    assert exit_info.value.code == 2
    assert flag in capsys.readouterr().err
