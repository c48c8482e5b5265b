"""The data: all rows and features kept, a stratified split of the asked size, no shared row."""

import math

import pytest
from sklearn.datasets import load_breast_cancer

from ml_project.data import load_split

ROWS, FEATURES = 569, 30


def test_split_keeps_every_row_once_with_every_feature() -> None:
    split = load_split(test_size=0.25, seed=0)

    assert split.x_train.shape == (len(split.y_train), FEATURES)
    assert split.x_test.shape == (len(split.y_test), FEATURES)
    assert len(split.feature_names) == FEATURES
    train_rows = {row.tobytes() for row in split.x_train}
    test_rows = {row.tobytes() for row in split.x_test}
    assert train_rows.isdisjoint(test_rows)
    assert train_rows | test_rows == {row.tobytes() for row in load_breast_cancer().data}
    assert len(train_rows) + len(test_rows) == ROWS


@pytest.mark.parametrize("test_size", [0.05, 0.25, 0.5])
def test_split_holds_out_the_asked_fraction_with_the_class_balance(test_size: float) -> None:
    split = load_split(test_size=test_size, seed=0)

    assert len(split.y_test) == math.ceil(ROWS * test_size)
    for label in (0, 1):
        share = ((split.y_train == label).sum() + (split.y_test == label).sum()) / ROWS
        # Stratified: each part has the class's share of its rows, give or take rounding.
        assert abs((split.y_test == label).sum() - share * len(split.y_test)) <= 1
        assert abs((split.y_train == label).sum() - share * len(split.y_train)) <= 1


def test_seed_decides_the_split() -> None:
    first, again, other = (load_split(0.25, seed) for seed in (1, 1, 2))

    assert (first.x_test == again.x_test).all()
    assert (first.y_test == again.y_test).all()
    assert (first.x_test != other.x_test).any()
