"""Model quality and determinism, for whatever estimator model.py names: the gates of
ml-cicd.yaml shown to pass and shown to fail."""

from dataclasses import replace
from typing import Any

import pytest
from sklearn.utils import shuffle

from ml_project.data import Split
from ml_project.model import (
    Evaluation,
    ModelParamError,
    estimator_class,
    evaluate,
    model_kwargs,
    train,
)
from ml_project.params import Params, Task

# The metrics of each task, as ml-cicd.yaml's gates and the reports name them.
METRICS = {
    "binary": {"accuracy", "f1", "precision", "recall", "roc_auc"},
    "multiclass": {"accuracy", "f1_macro", "precision_macro", "recall_macro", "roc_auc_ovr"},
    "regression": {"r2", "rmse", "mae"},
}


def train_and_evaluate(task: Task, params: Params, split: Split) -> Evaluation:
    return evaluate(task, train(task, params, split), split)


def missed_gates(metrics: dict[str, float], gates: list[dict[str, Any]]) -> list[str]:
    """The gates `metrics` miss, each as e.g. "accuracy 0.6200 < 0.9"."""
    missed = []
    for gate in gates:
        value = metrics[gate["metric"]]
        if "min" in gate and value < gate["min"]:
            missed.append(f"{gate['metric']} {value:.4f} < {gate['min']}")
        if "max" in gate and value > gate["max"]:
            missed.append(f"{gate['metric']} {value:.4f} > {gate['max']}")
    return missed


def test_default_model_reaches_every_gate(
    config: dict[str, Any], task: Task, defaults: Params, split: Split
) -> None:
    gates = config["metrics"]["gates"]

    evaluation = train_and_evaluate(task, defaults, split)

    assert {gate["metric"] for gate in gates} <= set(evaluation.metrics)
    assert missed_gates(evaluation.metrics, gates) == []


def test_the_gates_fail_a_model_trained_on_shuffled_labels(
    config: dict[str, Any], task: Task, defaults: Params, split: Split
) -> None:
    gates = config["metrics"]["gates"]
    assert gates, "ml-cicd.yaml should have gates"
    noise = replace(split, y_train=shuffle(split.y_train, random_state=defaults.seed))

    evaluation = train_and_evaluate(task, defaults, noise)

    assert missed_gates(evaluation.metrics, gates)


def test_evaluation_has_the_metrics_of_the_task(task: Task, defaults: Params, split: Split) -> None:
    evaluation = train_and_evaluate(task, defaults, split)

    assert set(evaluation.metrics) == METRICS[task]
    assert all(type(value) is float for value in evaluation.metrics.values())
    if task == "regression":
        assert evaluation.confusion_matrix == []
    else:
        assert len(evaluation.confusion_matrix) == len(split.class_names)
        assert sum(map(sum, evaluation.confusion_matrix)) == len(split.y_test)


def test_same_seed_gives_identical_results(task: Task, defaults: Params, split: Split) -> None:
    assert train_and_evaluate(task, defaults, split) == train_and_evaluate(task, defaults, split)


def test_every_param_reaches_the_estimator(task: Task, defaults: Params, split: Split) -> None:
    model = train(task, defaults.replace({"seed": defaults.seed + 1}), split)

    assert isinstance(model, estimator_class(task))
    settings = model.get_params()
    assert settings["random_state"] == defaults.seed + 1
    for keyword, value in model_kwargs(task, defaults).items():
        if keyword != "random_state":
            assert settings[keyword] == value


def test_a_param_the_estimator_does_not_take_is_named(task: Task, defaults: Params) -> None:
    params = Params({**defaults, "no-such-knob": 1})

    with pytest.raises(ModelParamError, match="no-such-knob.*model.py"):
        model_kwargs(task, params)
