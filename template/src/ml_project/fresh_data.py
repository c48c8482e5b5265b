"""Fresh labelled data for re-evaluating the released model: fill in `load_fresh_data`.

Replace the body with your newest labelled rows (a query, a file in object storage, a DVC
pull), in the columns the model was trained on. The default works offline: a bootstrap sample
of the training data (ml-cicd.yaml's `dataset`, or the task's bundled set, read by the same
loader as training) with a little noise, so the loop runs before you have new data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ml_project.data import load_dataset
from ml_project.params import (
    read_config,
    read_source,
    read_task,
)

if TYPE_CHECKING:
    from numpy.typing import NDArray

# Noise added to each feature, as a fraction of its standard deviation.
NOISE = 0.05


@dataclass(frozen=True)
class FreshData:
    """Rows the model has to score, their true targets, and where they came from."""

    x: NDArray[np.float64]
    y: NDArray[Any]
    description: str


def load_fresh_data(seed: int) -> FreshData:
    """The rows to re-evaluate on; `seed` makes the default sample reproducible."""
    config = read_config()
    dataset = load_dataset(read_task(config), read_source(config))
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(dataset.y), size=len(dataset.y))
    x = dataset.x[rows]
    x = x + rng.normal(scale=NOISE, size=x.shape) * dataset.x.std(axis=0)
    return FreshData(
        x=x,
        y=dataset.y[rows],
        description=(
            f"bootstrap sample of {dataset.description} with {NOISE:.0%} noise (seed {seed})"
        ),
    )
