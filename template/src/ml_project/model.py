"""The model: a random forest built from the parameters, fitted, and scored on held-out rows."""

import logging
import time
from dataclasses import dataclass

from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_score,
    recall_score,
    roc_auc_score,
)

from ml_project.data import Split
from ml_project.params import Params

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Evaluation:
    """Scores on the test rows: scalar metrics (what gates and trackers compare) and the counts."""

    metrics: dict[str, float]
    # confusion_matrix[true][predicted], classes in label order (Split.target_names).
    confusion_matrix: list[list[int]]


def model_kwargs(params: Params) -> dict[str, int | str]:
    """The keyword arguments of RandomForestClassifier, every one of them set from `params`."""
    return {
        "n_estimators": params.n_estimators,
        "max_depth": params.max_depth,
        "criterion": params.criterion,
        "random_state": params.seed,
        # One worker: with threads, predict_proba adds up the trees' votes in whatever order they
        # finish, and the last digits of roc_auc could change from one run to the next.
        "n_jobs": 1,
    }


def train(params: Params, split: Split) -> RandomForestClassifier:
    """A forest built from `params` and fitted on the training rows of `split`."""
    started = time.perf_counter()
    model = RandomForestClassifier(**model_kwargs(params))
    model.fit(split.x_train, split.y_train)
    logger.info("Fitted %d trees in %.2f s", params.n_estimators, time.perf_counter() - started)
    return model


def evaluate(model: RandomForestClassifier, split: Split) -> Evaluation:
    """Score `model` on the test rows of `split`; label 1 is the positive class."""
    predicted = model.predict(split.x_test)
    probability = model.predict_proba(split.x_test)[:, 1]
    truth = split.y_test
    metrics = {
        "accuracy": accuracy_score(truth, predicted),
        # zero_division=0: a model that never predicts 1 scores 0 instead of raising a warning.
        "f1": f1_score(truth, predicted, zero_division=0),
        "precision": precision_score(truth, predicted, zero_division=0),
        "recall": recall_score(truth, predicted, zero_division=0),
        "roc_auc": roc_auc_score(truth, probability),
    }
    return Evaluation(
        metrics={name: float(value) for name, value in metrics.items()},
        confusion_matrix=confusion_matrix(truth, predicted).tolist(),
    )
