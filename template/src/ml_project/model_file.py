"""The released model file: saved with skops, which loads a model without running code from it.

A joblib or pickle file can run any code when it is loaded. A skops file is a description of the
objects, rebuilt only from types on an allow-list: skops' own, plus those named in TRUSTED_TYPES.
"""

from pathlib import Path
from typing import Any

import skops.io

MODEL_FILE = "model.skops"

# skops does not trust the node table of scikit-learn's trees, because predict() indexes it without
# bounds checks. It is trusted here because check_trees() checks those indices after loading.
TRUSTED_TYPES = ("sklearn.tree._tree.Tree",)


class UntrustedModelError(Exception):
    """The file holds a type outside the allow-list, or a tree whose indices are out of range."""


def save_model(model: object, path: Path) -> None:
    """Write `model` to `path` in the skops format."""
    skops.io.dump(model, path)


def load_model(path: Path) -> Any:
    """The model in the skops file at `path`; UntrustedModelError if it holds anything else."""
    untrusted = sorted(set(skops.io.get_untrusted_types(file=path)) - set(TRUSTED_TYPES))
    if untrusted:
        raise UntrustedModelError(
            f"{path} holds types this project does not load: {', '.join(untrusted)}."
        )
    model = skops.io.load(path, trusted=list(TRUSTED_TYPES))
    check_trees(model)
    return model


def check_trees(model: object) -> None:
    """Raise UntrustedModelError if a tree of `model` points outside its own nodes or features."""
    for estimator in [model, *getattr(model, "estimators_", [])]:
        tree = getattr(estimator, "tree_", None)
        if tree is None:
            continue
        nodes, features = tree.node_count, estimator.n_features_in_
        # A leaf's children are -1 and its feature is -2; every other value must be in range.
        children = [*tree.children_left, *tree.children_right]
        if any(child < -1 or child >= nodes for child in children) or any(
            feature < -2 or feature >= features for feature in tree.feature
        ):
            raise UntrustedModelError("the model holds a tree with out-of-range node indices.")
