"""The released model file: a skops round trip, and files that must not load."""

import os
from pathlib import Path

import pytest
import skops.io
from sklearn.preprocessing import FunctionTransformer

from ml_project.data import load_split
from ml_project.model import train
from ml_project.model_file import (
    UntrustedModelError,
    load_model,
    save_model,
)
from ml_project.params import Params


@pytest.fixture(scope="module")
def small_model() -> object:
    params = Params(n_estimators=5, max_depth=3)
    return train(params, load_split(params.test_size, params.seed))


def test_a_saved_model_loads_and_predicts_the_same(tmp_path: Path, small_model: object) -> None:
    path = tmp_path / "model.skops"
    save_model(small_model, path)

    loaded = load_model(path)

    split = load_split(0.25, 42)
    assert (loaded.predict(split.x_test) == small_model.predict(split.x_test)).all()


def test_a_file_that_would_call_a_function_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.skops"
    skops.io.dump(FunctionTransformer(func=os.system), path)

    with pytest.raises(UntrustedModelError, match="system"):
        load_model(path)


def test_a_tree_pointing_outside_its_nodes_is_refused(tmp_path: Path, small_model: object) -> None:
    tree = small_model.estimators_[0].tree_
    tree.children_left[0] = tree.node_count + 5
    path = tmp_path / "model.skops"
    save_model(small_model, path)

    with pytest.raises(UntrustedModelError, match="out-of-range"):
        load_model(path)
