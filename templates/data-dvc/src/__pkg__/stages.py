"""The stages of the DVC pipeline (dvc.yaml): prepare the data, train the model, evaluate it.

Each stage reads only its own parameters from params.yaml, through DVC, and writes files the next
stage reads, so `dvc repro` reruns a stage only when its code, parameters or inputs changed.
"""

import argparse
import csv
import json
from collections.abc import Mapping
from pathlib import Path

import dvc.api
import joblib
import numpy as np

from __pkg__.data import Split, load_split
from __pkg__.model import evaluate, train
from __pkg__.params import (
    Params,
    ParamValue,
    parse_params,
)

PREPARED = Path("data/prepared")
MODEL = Path("models/model.joblib")
METRICS = Path("reports/metrics.json")
CONFUSION = Path("reports/confusion.csv")


def stage_params(stage: str) -> Params:
    """The parameters `stage` declares in dvc.yaml, from params.yaml; defaults for the others."""
    values: Mapping[str, ParamValue] = dvc.api.params_show(stages=stage)
    return parse_params([f"--{name}={value}" for name, value in values.items()])


def write_rows(path: Path, header: list[str], x: np.ndarray, y: np.ndarray) -> None:
    # %.17g writes each float so that it reads back to the same bits.
    rows = np.column_stack([x, y])
    np.savetxt(path, rows, fmt="%.17g", delimiter=",", header=",".join(header), comments="")


def read_rows(path: Path) -> tuple[np.ndarray, np.ndarray]:
    rows = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return rows[:, :-1], rows[:, -1].astype(int)


def prepare() -> None:
    """Split the data and write both parts, with the class names, to data/prepared/."""
    params = stage_params("prepare")
    split = load_split(test_size=params.test_size, seed=params.seed)
    PREPARED.mkdir(parents=True, exist_ok=True)
    header = [*split.feature_names, "target"]
    write_rows(PREPARED / "train.csv", header, split.x_train, split.y_train)
    write_rows(PREPARED / "test.csv", header, split.x_test, split.y_test)
    classes = json.dumps(list(split.target_names)) + "\n"
    (PREPARED / "classes.json").write_text(classes, encoding="utf-8")


def load_prepared() -> Split:
    """The split that `prepare` wrote."""
    x_train, y_train = read_rows(PREPARED / "train.csv")
    x_test, y_test = read_rows(PREPARED / "test.csv")
    header = (PREPARED / "train.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    classes = json.loads((PREPARED / "classes.json").read_text(encoding="utf-8"))
    return Split(
        x_train=x_train,
        x_test=x_test,
        y_train=y_train,
        y_test=y_test,
        feature_names=tuple(header.split(",")[:-1]),
        target_names=tuple(classes),
    )


def train_stage() -> None:
    """Fit the model on the prepared training rows and save it to models/."""
    model = train(stage_params("train"), load_prepared())
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    # joblib files are pickles: load only ones you made yourself.
    joblib.dump(model, MODEL)


def evaluate_stage() -> None:
    """Score the saved model on the held-out rows: metrics and a confusion plot in reports/."""
    split = load_prepared()
    model = joblib.load(MODEL)
    evaluation = evaluate(model, split)
    METRICS.parent.mkdir(parents=True, exist_ok=True)
    METRICS.write_text(json.dumps(evaluation.metrics, indent=2) + "\n", encoding="utf-8")
    names = split.target_names
    with CONFUSION.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(["actual", "predicted"])
        for actual, predicted in zip(split.y_test, model.predict(split.x_test), strict=True):
            writer.writerow([names[actual], names[predicted]])


STAGES = {"prepare": prepare, "train": train_stage, "evaluate": evaluate_stage}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pipeline.py", description="Run one stage of dvc.yaml.")
    parser.add_argument("stage", choices=list(STAGES))
    STAGES[parser.parse_args(argv).stage]()
    return 0
