"""The data: scikit-learn's breast cancer set (shipped with it, no download), split in two."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

if TYPE_CHECKING:
    # numpy comes with scikit-learn and is named only in type hints, so it is not a requirement.
    import numpy as np
    from numpy.typing import NDArray

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Split:
    """Features and labels to train on and to evaluate on, with their names."""

    x_train: NDArray[np.float64]
    x_test: NDArray[np.float64]
    y_train: NDArray[np.int_]
    y_test: NDArray[np.int_]
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]


def load_split(test_size: float, seed: int) -> Split:
    """Hold out `test_size` of the rows for evaluation, keeping the class balance in both parts."""
    dataset = load_breast_cancer()
    x_train, x_test, y_train, y_test = train_test_split(
        dataset.data,
        dataset.target,
        test_size=test_size,
        random_state=seed,
        stratify=dataset.target,
    )
    logger.info(
        "Breast cancer data: %d rows, %d features; %d to train on, %d held out",
        len(dataset.target),
        dataset.data.shape[1],
        len(y_train),
        len(y_test),
    )
    return Split(
        x_train=x_train,
        x_test=x_test,
        y_train=y_train,
        y_test=y_test,
        feature_names=tuple(dataset.feature_names),
        target_names=tuple(dataset.target_names),
    )
