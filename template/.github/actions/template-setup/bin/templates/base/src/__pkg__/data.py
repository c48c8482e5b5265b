"""The data: the CSV or Parquet file of ml-cicd.yaml's `dataset`, or the task's bundled set.

One loader serves training, re-evaluation and the tests. Features must be numbers; the target
column holds class labels (numbers or text) for classification, numbers for regression.
"""

from __future__ import annotations

import csv
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes, load_wine
from sklearn.model_selection import train_test_split

from __pkg__.params import DataSource, Task

if TYPE_CHECKING:
    from numpy.typing import NDArray

logger = logging.getLogger(__name__)

# Shipped with scikit-learn: the default data of each task works offline.
BUNDLED: dict[Task, Callable[..., Any]] = {
    "binary": load_breast_cancer,
    "multiclass": load_wine,
    "regression": load_diabetes,
}


class DataError(Exception):
    """The data cannot be trained on as it is; the message says what to change."""


@dataclass(frozen=True)
class Dataset:
    """Every row: numeric features, the target, and where they came from."""

    x: NDArray[np.float64]
    # Class labels (integers or text) for classification, numbers for regression.
    y: NDArray[Any]
    feature_names: tuple[str, ...]
    # The name of each class, in the order of the sorted labels; empty for regression.
    class_names: tuple[str, ...]
    description: str
    # Of the file's bytes, or of a stable serialization of a bundled set.
    sha256: str


@dataclass(frozen=True)
class Split:
    """Features and targets to train on and to evaluate on, with their names."""

    x_train: NDArray[np.float64]
    x_test: NDArray[np.float64]
    y_train: NDArray[Any]
    y_test: NDArray[Any]
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...]


def is_classification(task: Task) -> bool:
    return task != "regression"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def arrays_sha256(name: str, x: NDArray[Any], y: NDArray[Any], names: Sequence[str]) -> str:
    """A hash that is the same on every platform: little-endian float64 bytes and the names."""
    digest = hashlib.sha256(name.encode())
    digest.update("\n".join(names).encode())
    digest.update(np.ascontiguousarray(x, dtype="<f8").tobytes())
    digest.update(np.ascontiguousarray(y, dtype="<f8").tobytes())
    return digest.hexdigest()


def load_bundled(task: Task) -> Dataset:
    loader = BUNDLED[task]
    bundle = loader()
    names = tuple(str(name) for name in bundle.feature_names)
    class_names: tuple[str, ...] = ()
    if is_classification(task):
        class_names = tuple(str(bundle.target_names[label]) for label in np.unique(bundle.target))
    return Dataset(
        x=np.asarray(bundle.data, dtype=np.float64),
        y=bundle.target,
        feature_names=names,
        class_names=class_names,
        description=f"scikit-learn {loader.__name__.removeprefix('load_')} (bundled)",
        sha256=arrays_sha256(loader.__name__, bundle.data, bundle.target, names),
    )


def read_csv(path: Path) -> dict[str, list[Any]]:
    """The columns of a CSV file with a header row, by name, as text."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    if not rows:
        raise DataError(f"{path} is empty: expected a header row, then one row per example.")
    header, *body = rows
    for line, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise DataError(f"{path} line {line} has {len(row)} values for {len(header)} columns.")
    return {name: [row[index] for row in body] for index, name in enumerate(header)}


def read_parquet(path: Path) -> dict[str, list[Any]]:
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise DataError(
            f"reading {path} needs pyarrow: add pyarrow to requirements.in and re-lock "
            f"(the README says how), or convert the file to CSV."
        ) from None
    columns: dict[str, list[Any]] = parquet.read_table(path).to_pydict()
    return columns


def read_columns(path: Path) -> dict[str, list[Any]]:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".parquet", ".pq"):
        raise DataError(f"{path}: expected a .csv or .parquet file.")
    if not path.is_file():
        raise DataError(f"{path} does not exist (dataset.path in ml-cicd.yaml).")
    return read_parquet(path) if suffix != ".csv" else read_csv(path)


def number_column(name: str, values: Sequence[Any], what: str) -> NDArray[np.float64]:
    """`values` as floats; DataError names the column and the first value that is not a number."""
    try:
        return np.array([float(value) for value in values], dtype=np.float64)
    except (TypeError, ValueError):
        for row, value in enumerate(values, start=1):
            try:
                float(value)
            except (TypeError, ValueError):
                raise DataError(
                    f"column {name!r} holds {value!r} on data row {row}: {what} must be numbers "
                    f"(encode or drop the column)."
                ) from None
        raise


def label_column(values: Sequence[Any]) -> NDArray[Any]:
    """Class labels: integers when every label is one, else text."""
    if any(value is None or value == "" for value in values):
        raise DataError("the target column has an empty label.")
    texts = [str(value) for value in values]
    try:
        return np.array([int(text) for text in texts])
    except ValueError:
        return np.array(texts)


def load_file(task: Task, path: Path, target_column: str) -> Dataset:
    columns = read_columns(path)
    if target_column not in columns:
        raise DataError(
            f"{path} has no column {target_column!r} (dataset.target in ml-cicd.yaml); "
            f"its columns: {', '.join(columns)}."
        )
    feature_names = tuple(name for name in columns if name != target_column)
    if not feature_names:
        raise DataError(f"{path} has no feature column besides {target_column!r}.")
    features = [number_column(name, columns[name], "features") for name in feature_names]
    targets = columns[target_column]
    if is_classification(task):
        y = label_column(targets)
        class_names = tuple(str(label) for label in np.unique(y))
    else:
        y = number_column(target_column, targets, "regression targets")
        class_names = ()
    return Dataset(
        x=np.column_stack(features),
        y=y,
        feature_names=feature_names,
        class_names=class_names,
        description=f"{path} (target {target_column})",
        sha256=file_sha256(path),
    )


def check_task(dataset: Dataset, task: Task) -> None:
    """The number of classes must fit the task: the metrics of each task need it."""
    classes = len(dataset.class_names)
    if task == "binary" and classes != 2:
        raise DataError(
            f"task is binary but the target has {classes} classes: set `task: multiclass` (and "
            f"its gates) in ml-cicd.yaml, or keep two classes."
        )
    if task == "multiclass" and classes < 3:
        raise DataError(f"task is multiclass but the target has {classes} classes: use binary.")
    if len(dataset.y) < 10:
        raise DataError(f"{dataset.description} has {len(dataset.y)} rows: too few to split.")


def load_dataset(task: Task, source: DataSource | None = None) -> Dataset:
    """The rows of the source's file (CSV or Parquet); with no file, the task's bundled set."""
    if source is None or source.path is None:
        dataset = load_bundled(task)
    else:
        dataset = load_file(task, source.path, source.target)
    check_task(dataset, task)
    logger.info(
        "Data: %s, %d rows, %d features",
        dataset.description,
        len(dataset.y),
        len(dataset.feature_names),
    )
    return dataset


def split_dataset(dataset: Dataset, task: Task, test_size: float, seed: int) -> Split:
    """Hold out `test_size` of the rows; classification keeps the class balance in both parts."""
    try:
        x_train, x_test, y_train, y_test = train_test_split(
            dataset.x,
            dataset.y,
            test_size=test_size,
            random_state=seed,
            stratify=dataset.y if is_classification(task) else None,
        )
    except ValueError as error:
        raise DataError(f"cannot split {dataset.description}: {error}") from None
    logger.info("Split: %d rows to train on, %d held out", len(y_train), len(y_test))
    return Split(
        x_train=x_train,
        x_test=x_test,
        y_train=y_train,
        y_test=y_test,
        feature_names=dataset.feature_names,
        class_names=dataset.class_names,
    )
