"""The released model file: a skops round trip for tree models, and files that must not load."""

import os
from pathlib import Path
from typing import Any

import pytest
import skops.io
from sklearn import ensemble, tree
from sklearn.preprocessing import FunctionTransformer

from __pkg__.data import (
    Split,
    is_classification,
)
from __pkg__.model import train
from __pkg__.model_file import (
    UntrustedModelError,
    load_model,
    save_model,
)
from __pkg__.params import Params, Task

# Tree models whose every tree check_trees finds, whatever their layout: a forest's list, a
# gradient boosting's grid (one row per stage, one column per class), a single tree.
CHECKED = ["RandomForest", "ExtraTrees", "GradientBoosting", "DecisionTree"]


def fitted(kind: str, task: Task, split: Split) -> Any:
    """A small model of `kind` (e.g. "GradientBoosting") for the task, fitted on `split`."""
    suffix = "Classifier" if is_classification(task) else "Regressor"
    module = tree if kind.startswith("DecisionTree") else ensemble
    model = getattr(module, kind + suffix)(max_depth=3, random_state=0)
    if "n_estimators" in model.get_params():
        model.set_params(n_estimators=5)
    return model.fit(split.x_train, split.y_train)


def trees_of(model: Any) -> list[Any]:
    estimators = getattr(model, "estimators_", [model])
    return [getattr(item, "tree_", None) for item in getattr(estimators, "flat", estimators)]


def test_the_projects_model_round_trips(
    tmp_path: Path, task: Task, defaults: Params, split: Split
) -> None:
    model = train(task, defaults.replace({"n-estimators": 5}), split)
    path = tmp_path / "model.skops"
    save_model(model, path)

    loaded = load_model(path)

    assert (loaded.predict(split.x_test) == model.predict(split.x_test)).all()


@pytest.mark.parametrize("kind", CHECKED)
def test_a_tree_model_round_trips(tmp_path: Path, kind: str, task: Task, split: Split) -> None:
    model = fitted(kind, task, split)
    path = tmp_path / "model.skops"
    save_model(model, path)

    assert (load_model(path).predict(split.x_test) == model.predict(split.x_test)).all()


@pytest.mark.parametrize("kind", CHECKED)
@pytest.mark.parametrize("tampered", ["child", "feature", "loop"])
def test_a_tampered_tree_is_refused(
    tmp_path: Path, kind: str, tampered: str, task: Task, split: Split
) -> None:
    model = fitted(kind, task, split)
    # The last tree: a check that stops at the first would miss it.
    target = [found for found in trees_of(model) if found is not None][-1]
    assert target.node_count > 1
    if tampered == "child":
        target.children_left[0] = target.node_count + 5
    elif tampered == "feature":
        target.feature[0] = model.n_features_in_ + 3
    else:
        target.children_left[0] = 0
    path = tmp_path / "model.skops"
    save_model(model, path)

    with pytest.raises(UntrustedModelError, match="out-of-range"):
        load_model(path)


def test_a_model_with_types_it_cannot_check_is_refused_by_name(
    tmp_path: Path, task: Task, split: Split
) -> None:
    suffix = "Classifier" if is_classification(task) else "Regressor"
    model = getattr(ensemble, "HistGradientBoosting" + suffix)(max_iter=5)
    path = tmp_path / "model.skops"
    save_model(model.fit(split.x_train, split.y_train), path)

    with pytest.raises(UntrustedModelError, match="does not load: .*hist_gradient_boosting"):
        load_model(path)


def test_a_file_that_would_call_a_function_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "model.skops"
    skops.io.dump(FunctionTransformer(func=os.system), path)

    with pytest.raises(UntrustedModelError, match="system"):
        load_model(path)
