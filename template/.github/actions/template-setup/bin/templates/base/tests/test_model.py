"""Model quality and determinism: the gates of ml-cicd.yaml, shown to pass and shown to fail."""

from dataclasses import replace
from typing import Any

from sklearn.utils import shuffle

from __pkg__.data import load_split
from __pkg__.model import (
    Evaluation,
    evaluate,
    train,
)
from __pkg__.params import Params

METRICS = {"accuracy", "f1", "precision", "recall", "roc_auc"}


def train_and_evaluate(params: Params) -> Evaluation:
    split = load_split(params.test_size, params.seed)
    return evaluate(train(params, split), split)


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


def test_default_model_reaches_every_gate(config: dict[str, Any]) -> None:
    gates = config["metrics"]["gates"]

    evaluation = train_and_evaluate(Params())

    assert {gate["metric"] for gate in gates} <= set(evaluation.metrics)
    assert missed_gates(evaluation.metrics, gates) == []


def test_accuracy_gate_fails_a_model_trained_on_shuffled_labels(config: dict[str, Any]) -> None:
    accuracy_gates = [gate for gate in config["metrics"]["gates"] if gate["metric"] == "accuracy"]
    assert accuracy_gates, "ml-cicd.yaml should gate accuracy"
    params = Params()
    split = load_split(params.test_size, params.seed)
    noise = replace(split, y_train=shuffle(split.y_train, random_state=params.seed))

    evaluation = evaluate(train(params, noise), noise)

    assert missed_gates(evaluation.metrics, accuracy_gates)


def test_evaluation_has_scalar_metrics_and_a_separate_confusion_matrix() -> None:
    params = Params(n_estimators=10)
    split = load_split(params.test_size, params.seed)

    evaluation = evaluate(train(params, split), split)

    assert set(evaluation.metrics) == METRICS
    assert all(type(value) is float for value in evaluation.metrics.values())
    assert len(evaluation.confusion_matrix) == len(split.target_names)
    assert sum(map(sum, evaluation.confusion_matrix)) == len(split.y_test)


def test_same_seed_gives_identical_results() -> None:
    params = Params(n_estimators=10)

    assert train_and_evaluate(params) == train_and_evaluate(params)


def test_seed_reaches_the_forest() -> None:
    split = load_split(test_size=0.25, seed=0)

    first, second = (
        train(Params(n_estimators=10, seed=seed), split).predict_proba(split.x_test)
        for seed in (1, 2)
    )

    # Same rows, different seeds: the forests differ (their metrics may or may not).
    assert (first != second).any()
