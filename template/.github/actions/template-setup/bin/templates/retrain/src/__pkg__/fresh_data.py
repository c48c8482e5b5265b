"""Fresh labelled data for re-evaluating the released model: fill in `load_fresh_data`.

Replace the body with your newest labelled rows (a query, a file in object storage, a DVC
pull), in the columns the model was trained on. The default works offline: a bootstrap sample
of the training dataset with a little noise, so the loop runs before you have new data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from sklearn.datasets import load_breast_cancer

if TYPE_CHECKING:
    from numpy.typing import NDArray

# Noise added to each feature, as a fraction of its standard deviation.
NOISE = 0.05


@dataclass(frozen=True)
class FreshData:
    """Rows the model has to score, their true labels, and where they came from."""

    x: NDArray[np.float64]
    y: NDArray[np.int_]
    description: str


def load_fresh_data(seed: int) -> FreshData:
    """The rows to re-evaluate on; `seed` makes the default sample reproducible."""
    dataset = load_breast_cancer()
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(dataset.target), size=len(dataset.target))
    x = dataset.data[rows]
    x = x + rng.normal(scale=NOISE, size=x.shape) * dataset.data.std(axis=0)
    return FreshData(
        x=x,
        y=dataset.target[rows],
        description=f"bootstrap sample of the dataset with {NOISE:.0%} noise (seed {seed})",
    )
