"""The released model file: saved with skops, which loads a model without running code from it.

A joblib or pickle file can run any code when it is loaded. A skops file is a description of the
objects, rebuilt only from types on an allow-list: skops' own, plus those named in TRUSTED_TYPES.
A model holding any other type (e.g. a histogram gradient boosting's predictors) is refused with
the type's name: add it to TRUSTED_TYPES only with a check like `check_trees` for it.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import skops.io
from sklearn.tree._tree import Tree

MODEL_FILE = "model.skops"

# skops does not trust the node table of scikit-learn's trees, because predict() indexes it without
# bounds checks. It is trusted here because check_trees() checks every tree of the model after
# loading: those of forests, extra trees, gradient boosting (a grid of trees) and single trees.
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


def reachable(model: object) -> Iterator[object]:
    """Every object the model holds: its attributes, and the items of lists, dicts and arrays."""
    pending, seen = [model], set()
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        if isinstance(item, np.ndarray):
            if item.dtype == object:
                pending.extend(item.ravel().tolist())
        elif isinstance(item, (list, tuple, set, frozenset)):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif hasattr(item, "__dict__"):
            pending.extend(vars(item).values())


def check_tree(tree: Tree, features: int) -> None:
    """A tree's children come after their node (no loop) and its features are among `features`."""
    nodes = tree.node_count
    left, right = np.asarray(tree.children_left), np.asarray(tree.children_right)
    feature = np.asarray(tree.feature)
    if not len(left) == len(right) == len(feature) == nodes:
        raise UntrustedModelError("the model holds a tree whose arrays disagree on its size.")
    index = np.arange(nodes)
    leaf = left == -1
    # A leaf's children are -1 and its feature is -2; a split's children are later nodes.
    leaves_ok = (right[leaf] == -1).all() and (feature[leaf] == -2).all()
    splits_ok = all(
        ((child[~leaf] > index[~leaf]) & (child[~leaf] < nodes)).all() for child in (left, right)
    )
    features_ok = ((feature[~leaf] >= 0) & (feature[~leaf] < features)).all()
    if not (leaves_ok and splits_ok and features_ok):
        raise UntrustedModelError("the model holds a tree with out-of-range node indices.")


def check_trees(model: object) -> None:
    """Raise UntrustedModelError unless every tree in `model` is checked and in range.

    A tree is checked against the estimator that holds it as `tree_` and against the model's own
    number of features (an ensemble hands its trees the rows it is given). A tree anywhere else in
    the model is refused: nothing says how many features it may index.
    """
    found = list(reachable(model))
    outer = getattr(model, "n_features_in_", None)
    checked = set()
    for item in found:
        tree = getattr(item, "tree_", None) if not isinstance(item, type) else None
        if not isinstance(tree, Tree):
            continue
        features = [getattr(item, "n_features_in_", None), outer]
        known = [int(count) for count in features if count is not None]
        if not known:
            raise UntrustedModelError("the model holds a tree without a number of features.")
        check_tree(tree, min(known))
        checked.add(id(tree))
    if any(isinstance(item, Tree) and id(item) not in checked for item in found):
        raise UntrustedModelError("the model holds a tree outside an estimator: cannot check it.")
