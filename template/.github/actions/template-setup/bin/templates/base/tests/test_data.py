"""The data: the bundled set or a user's file, every row kept, a split of the asked size."""

import hashlib
import math
from pathlib import Path

import numpy as np
import pytest

from __pkg__.data import (
    DataError,
    Dataset,
    is_classification,
    load_dataset,
    split_dataset,
)
from __pkg__.params import DataSource, Task


def rows(x: np.ndarray) -> set[bytes]:
    return {row.tobytes() for row in np.ascontiguousarray(x)}


def test_split_keeps_every_row_once_with_every_feature(dataset: Dataset, task: Task) -> None:
    split = split_dataset(dataset, task, test_size=0.25, seed=0)

    features = len(dataset.feature_names)
    assert split.x_train.shape == (len(split.y_train), features)
    assert split.x_test.shape == (len(split.y_test), features)
    assert rows(split.x_train).isdisjoint(rows(split.x_test))
    assert rows(split.x_train) | rows(split.x_test) == rows(dataset.x)
    assert len(split.y_train) + len(split.y_test) == len(dataset.y)


@pytest.mark.parametrize("test_size", [0.05, 0.25, 0.5])
def test_split_holds_out_the_asked_fraction(dataset: Dataset, task: Task, test_size: float) -> None:
    split = split_dataset(dataset, task, test_size=test_size, seed=0)

    total = len(dataset.y)
    assert len(split.y_test) == math.ceil(total * test_size)
    if not is_classification(task):
        return
    for label in np.unique(dataset.y):
        share = (dataset.y == label).sum() / total
        # Stratified: each part has the class's share of its rows, give or take rounding.
        assert abs((split.y_test == label).sum() - share * len(split.y_test)) <= 1
        assert abs((split.y_train == label).sum() - share * len(split.y_train)) <= 1


def test_seed_decides_the_split(dataset: Dataset, task: Task) -> None:
    first, again, other = (split_dataset(dataset, task, 0.25, seed) for seed in (1, 1, 2))

    assert (first.x_test == again.x_test).all()
    assert (first.y_test == again.y_test).all()
    assert (first.x_test != other.x_test).any()


def test_the_data_has_a_stable_hash(dataset: Dataset, task: Task, source: DataSource) -> None:
    assert load_dataset(task, source).sha256 == dataset.sha256
    assert len(dataset.sha256) == 64


def test_a_csv_file_gives_the_same_rows_and_its_own_hash(
    csv_file: Path, dataset: Dataset, task: Task
) -> None:
    loaded = load_dataset(task, DataSource(csv_file))

    assert loaded.feature_names == dataset.feature_names
    assert (loaded.x == dataset.x).all()
    assert loaded.sha256 == hashlib.sha256(csv_file.read_bytes()).hexdigest()
    if is_classification(task):
        # The labels are text in the file: the classes are those names.
        assert loaded.class_names == tuple(sorted(dataset.class_names))
        assert len(np.unique(loaded.y)) == len(dataset.class_names)
    else:
        assert np.allclose(loaded.y, dataset.y)


def test_the_target_column_is_configured(csv_file: Path, task: Task) -> None:
    renamed = csv_file.with_name("renamed.csv")
    text = csv_file.read_text(encoding="utf-8")
    header, body = text.split("\n", 1)
    renamed.write_text(header.rsplit(",", 1)[0] + ",label\n" + body, encoding="utf-8")

    with pytest.raises(DataError, match="no column 'target'.*its columns:"):
        load_dataset(task, DataSource(renamed))
    assert len(load_dataset(task, DataSource(renamed, "label")).y) == body.count("\n")


def test_a_feature_that_is_not_a_number_is_named(csv_file: Path, task: Task) -> None:
    header, first, *others = csv_file.read_text(encoding="utf-8").splitlines()
    column = header.split(",")[0]
    first = "red," + first.split(",", 1)[1]
    csv_file.write_text("\n".join([header, first, *others]) + "\n", encoding="utf-8")

    with pytest.raises(DataError, match=f"column '{column}' holds 'red' on data row 1"):
        load_dataset(task, DataSource(csv_file))


def test_a_task_that_does_not_fit_the_classes_says_which_to_set(
    tmp_path: Path, dataset: Dataset
) -> None:
    path = tmp_path / "three.csv"
    labels = ["a", "b", "c"] * 10
    lines = ["x,target", *(f"{index},{label}" for index, label in enumerate(labels))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with pytest.raises(DataError, match="task: multiclass"):
        load_dataset("binary", DataSource(path))
    assert load_dataset("multiclass", DataSource(path)).class_names == ("a", "b", "c")


def test_parquet_needs_pyarrow_or_says_how_to_add_it(
    tmp_path: Path, dataset: Dataset, task: Task
) -> None:
    path = tmp_path / "data.parquet"
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        path.write_bytes(b"PAR1")
        with pytest.raises(DataError, match="add pyarrow to requirements.in and re-lock"):
            load_dataset(task, DataSource(path))
        return
    columns = {name: dataset.x[:, index] for index, name in enumerate(dataset.feature_names)}
    pyarrow.parquet.write_table(pyarrow.table({**columns, "target": dataset.y}), path)
    assert (load_dataset(task, DataSource(path)).x == dataset.x).all()


def test_a_missing_file_is_named(tmp_path: Path, task: Task) -> None:
    with pytest.raises(DataError, match="missing.csv does not exist"):
        load_dataset(task, DataSource(tmp_path / "missing.csv"))
