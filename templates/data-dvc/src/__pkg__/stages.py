"""The stages of the DVC pipeline (dvc.yaml): prepare the data, train the model, evaluate it.

Each stage reads only its own parameters from params.yaml, through DVC, and writes files the next
stage reads, so `dvc repro` reruns a stage only when its code, parameters or inputs changed.
"""

import argparse
import csv
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import dvc.api
import joblib
import numpy as np

from __pkg__.data import (
    Split,
    is_classification,
    label_column,
    load_dataset,
    number_column,
    read_csv,
    split_dataset,
)
from __pkg__.model import evaluate, train
from __pkg__.params import (
    Params,
    Task,
    parse_params,
    read_config,
    read_source,
    read_specs,
    read_task,
)

PREPARED = Path("data/prepared")
MODEL = Path("models/model.joblib")
METRICS = Path("reports/metrics.json")
# The plot of dvc.yaml: a confusion matrix for classification, predicted against true values for
# regression; one row per held-out example.
CONFUSION = Path("reports/confusion.csv")
PREDICTIONS = Path("reports/predictions.csv")
# The column of the prepared files that holds the target; the features keep their names.
TARGET = "__target__"


def task() -> Task:
    return read_task(read_config())


def stage_params(stage: str) -> Params:
    """The parameters `stage` declares in dvc.yaml, from params.yaml; defaults for the others.

    Its keys of ml-cicd.yaml (`task`, `dataset`) are there so that DVC reruns the stage when they
    change; the code reads them from ml-cicd.yaml itself, so they are left out here.
    """
    specs = read_specs(read_config())
    values: Mapping[str, Any] = dvc.api.params_show(stages=stage)
    # YAML's true/false arrive as Python booleans; the flags take true/false.
    text = {
        name: str(value).lower() if isinstance(value, bool) else value
        for name, value in values.items()
        if name in specs
    }
    return parse_params([f"--{name}={value}" for name, value in text.items()])


def write_rows(path: Path, header: Sequence[str], x: np.ndarray, y: np.ndarray) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow([*header, TARGET])
        for features, target in zip(x.tolist(), y.tolist(), strict=True):
            # repr writes each float so that it reads back to the same bits.
            writer.writerow([*map(repr, features), target])


def read_rows(path: Path, task: Task) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Features, targets and feature names, as `write_rows` wrote them."""
    columns = read_csv(path)
    names = tuple(name for name in columns if name != TARGET)
    x = np.column_stack([number_column(name, columns[name], "features") for name in names])
    targets: list[Any] = columns[TARGET]
    if is_classification(task):
        return x, label_column(targets), names
    return x, number_column(TARGET, targets, "regression targets"), names


def prepare() -> None:
    """Split the data and write both parts, with the class names, to data/prepared/."""
    params = stage_params("prepare")
    dataset = load_dataset(task(), read_source(read_config()))
    split = split_dataset(dataset, task(), test_size=params.test_size, seed=params.seed)
    PREPARED.mkdir(parents=True, exist_ok=True)
    write_rows(PREPARED / "train.csv", split.feature_names, split.x_train, split.y_train)
    write_rows(PREPARED / "test.csv", split.feature_names, split.x_test, split.y_test)
    classes = json.dumps(list(split.class_names)) + "\n"
    (PREPARED / "classes.json").write_text(classes, encoding="utf-8")


def load_prepared() -> Split:
    """The split that `prepare` wrote."""
    x_train, y_train, names = read_rows(PREPARED / "train.csv", task())
    x_test, y_test, _ = read_rows(PREPARED / "test.csv", task())
    classes = json.loads((PREPARED / "classes.json").read_text(encoding="utf-8"))
    return Split(
        x_train=x_train,
        x_test=x_test,
        y_train=y_train,
        y_test=y_test,
        feature_names=names,
        class_names=tuple(classes),
    )


def train_stage() -> None:
    """Fit the model on the prepared training rows and save it to models/."""
    model = train(task(), stage_params("train"), load_prepared())
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    # joblib files are pickles: load only ones you made yourself.
    joblib.dump(model, MODEL)


def evaluate_stage() -> None:
    """Score the saved model on the held-out rows: metrics and the rows of the plot in reports/."""
    split = load_prepared()
    model = joblib.load(MODEL)
    evaluation = evaluate(task(), model, split)
    METRICS.parent.mkdir(parents=True, exist_ok=True)
    METRICS.write_text(json.dumps(evaluation.metrics, indent=2) + "\n", encoding="utf-8")
    pairs = zip(split.y_test.tolist(), model.predict(split.x_test).tolist(), strict=True)
    if is_classification(task()):
        names = dict(zip(model.classes_.tolist(), split.class_names, strict=True))
        rows = [(names[actual], names[predicted]) for actual, predicted in pairs]
    else:
        rows = list(pairs)
    with (CONFUSION if is_classification(task()) else PREDICTIONS).open(
        "w", encoding="utf-8", newline=""
    ) as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["actual", "predicted"])
        writer.writerows(rows)


STAGES = {"prepare": prepare, "train": train_stage, "evaluate": evaluate_stage}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pipeline.py", description="Run one stage of dvc.yaml.")
    parser.add_argument("stage", choices=list(STAGES))
    STAGES[parser.parse_args(argv).stage]()
    return 0
