"""The model: the task's estimator, built from the params, fitted, and scored on held-out rows.

To try another estimator, change `estimator_class` below: that is the only place it is named. The
params of ml-cicd.yaml are its keyword arguments (`max-depth` → `max_depth`), except `test-size`
(the data's split) and `seed` (`random_state`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    mean_absolute_error,
    precision_score,
    r2_score,
    recall_score,
    roc_auc_score,
    root_mean_squared_error,
)

from ml_project.data import (
    Split,
    is_classification,
)
from ml_project.params import ParamValue, Task

logger = logging.getLogger(__name__)

# Params that are not keyword arguments of the estimator.
SPLIT_PARAMS = frozenset({"test-size"})
SEED_PARAM = "seed"


def estimator_class(task: Task) -> type[BaseEstimator]:
    """The estimator of `task`: a classifier for binary and multiclass, else a regressor."""
    return RandomForestRegressor if task == "regression" else RandomForestClassifier


class ModelParamError(Exception):
    """A param of ml-cicd.yaml is not a keyword argument of the estimator."""


@dataclass(frozen=True)
class Evaluation:
    """Scores on the test rows: scalar metrics (what gates and trackers compare) and, for
    classification, the counts."""

    metrics: dict[str, float]
    # confusion_matrix[true][predicted], classes in label order (Split.class_names); regression: [].
    confusion_matrix: list[list[int]]


def model_kwargs(task: Task, params: Mapping[str, ParamValue]) -> dict[str, Any]:
    """The estimator's keyword arguments, every one of them set from `params`."""
    kind = estimator_class(task)
    accepted = kind().get_params(deep=False)
    kwargs: dict[str, Any] = {}
    for name, value in params.items():
        if name in SPLIT_PARAMS:
            continue
        keyword = "random_state" if name == SEED_PARAM else name.replace("-", "_")
        if keyword not in accepted:
            raise ModelParamError(
                f"param {name} of ml-cicd.yaml is not a keyword argument of {kind.__name__} "
                f"(no `{keyword}`): remove it from ml-cicd.yaml, or change the estimator in "
                f"model.py (estimator_class)."
            )
        kwargs[keyword] = value
    # One worker: with threads, a forest adds up its trees' votes in whatever order they finish,
    # and the last digits of the metrics could change from one run to the next.
    if "n_jobs" in accepted:
        kwargs["n_jobs"] = 1
    return kwargs


def describe(task: Task, params: Mapping[str, ParamValue]) -> str:
    """The estimator as it is built, e.g. `RandomForestClassifier(n_estimators=100, ...)`."""
    kwargs = ", ".join(f"{name}={value!r}" for name, value in model_kwargs(task, params).items())
    return f"{estimator_class(task).__name__}({kwargs})"


def train(task: Task, params: Mapping[str, ParamValue], split: Split) -> Any:
    """The task's estimator built from `params` and fitted on the training rows of `split`."""
    started = time.perf_counter()
    model = estimator_class(task)(**model_kwargs(task, params))
    model.fit(split.x_train, split.y_train)
    logger.info("Fitted %s in %.2f s", type(model).__name__, time.perf_counter() - started)
    return model


def scores(model: Any, x: np.ndarray) -> np.ndarray:
    """One column per class (model.classes_) of how likely each row is in it."""
    if hasattr(model, "predict_proba"):
        return np.asarray(model.predict_proba(x))
    decision = np.asarray(model.decision_function(x))
    # A binary decision_function is one column: the score of the second class.
    return np.column_stack([-decision, decision]) if decision.ndim == 1 else decision


def classification_metrics(task: Task, model: Any, truth: Any, x: Any) -> dict[str, Any]:
    predicted = model.predict(x)
    classes = model.classes_
    score = scores(model, x)
    if task == "binary":
        # The second of the sorted labels is the positive class (1 for 0/1 labels).
        positive = classes[1]
        return {
            "accuracy": accuracy_score(truth, predicted),
            # zero_division=0: a model that never predicts the class scores 0, without a warning.
            "f1": f1_score(truth, predicted, pos_label=positive, zero_division=0),
            "precision": precision_score(truth, predicted, pos_label=positive, zero_division=0),
            "recall": recall_score(truth, predicted, pos_label=positive, zero_division=0),
            "roc_auc": roc_auc_score(truth == positive, score[:, 1]),
        }
    macro = {"labels": classes, "average": "macro", "zero_division": 0}
    return {
        "accuracy": accuracy_score(truth, predicted),
        "f1_macro": f1_score(truth, predicted, **macro),
        "precision_macro": precision_score(truth, predicted, **macro),
        "recall_macro": recall_score(truth, predicted, **macro),
        "roc_auc_ovr": roc_auc_score(truth, score, multi_class="ovr", labels=classes),
    }


def evaluate(task: Task, model: Any, split: Split) -> Evaluation:
    """Score `model` on the test rows of `split` with the metrics of `task`."""
    truth = split.y_test
    if not is_classification(task):
        predicted = model.predict(split.x_test)
        metrics = {
            "r2": r2_score(truth, predicted),
            "rmse": root_mean_squared_error(truth, predicted),
            "mae": mean_absolute_error(truth, predicted),
        }
        return Evaluation({name: float(value) for name, value in metrics.items()}, [])
    metrics = classification_metrics(task, model, truth, split.x_test)
    counts = confusion_matrix(truth, model.predict(split.x_test), labels=model.classes_)
    return Evaluation({name: float(value) for name, value in metrics.items()}, counts.tolist())
