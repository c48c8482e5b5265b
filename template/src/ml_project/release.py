"""Prepare a release: check the gates, then save the model with skops beside its metrics and params.

The Release workflow runs `python release.py --outputs outputs --to release` right after
train.py, and publishes the folder it writes once a reviewer approves.
"""

import argparse
import json
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from ml_project.gates import (
    Gate,
    missed_gates,
    read_gates,
)
from ml_project.model_file import (
    MODEL_FILE,
    load_model,
    save_model,
)

RECORDS = ("metrics.json", "params.json")


def same_predictions(model: Any, loaded: Any, n_features: int) -> bool:
    """Whether both models predict the same for random rows (any model, any data, any task)."""
    rows = np.random.default_rng(0).normal(size=(50, n_features))
    return bool(np.array_equal(model.predict(rows), loaded.predict(rows)))


def release_notes(metrics: Mapping[str, float], params: Mapping[str, object]) -> str:
    """The release's description: its metrics and the params it was trained with."""
    lines = ["### Metrics", "", "| metric | value |", "| --- | --- |"]
    lines += [f"| {name} | {value:.4f} |" for name, value in metrics.items()]
    lines += ["", "### Params", "", "| param | value |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in params.items()]
    lines += ["", f"Load `{MODEL_FILE}` with `load_model` from `model_file.py`, never with pickle."]
    return "\n".join(lines) + "\n"


def prepare_release(outputs: Path, destination: Path, gates: list[Gate]) -> list[str]:
    """Write the release files to `destination`, or return the gates the run missed."""
    metrics = json.loads((outputs / "metrics.json").read_text(encoding="utf-8"))
    missed = missed_gates(metrics, gates)
    if missed:
        return missed
    destination.mkdir(parents=True, exist_ok=True)
    # train.py wrote this file in the same job, so unpickling it runs no one else's code.
    model = joblib.load(outputs / "model.joblib")
    save_model(model, destination / MODEL_FILE)
    loaded = load_model(destination / MODEL_FILE)
    if not same_predictions(model, loaded, model.n_features_in_):
        raise RuntimeError(f"{MODEL_FILE} does not predict what the trained model predicts.")
    for name in RECORDS:
        shutil.copyfile(outputs / name, destination / name)
    params = json.loads((outputs / "params.json").read_text(encoding="utf-8"))
    (destination / "notes.md").write_text(release_notes(metrics, params), encoding="utf-8")
    return []


def main(argv: list[str] | None = None) -> int:
    """Returns 0 with the release files written, or 1 when the run misses a gate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outputs", type=Path, default=Path("outputs"), help="train.py's folder")
    parser.add_argument("--to", type=Path, default=Path("release"), help="the release folder")
    parser.add_argument(
        "--config", type=Path, help="where the gates are (the project's ml-cicd.yaml)"
    )
    args = parser.parse_args(argv)

    missed = prepare_release(args.outputs, args.to, read_gates(args.config))
    if missed:
        print(f"error: not released, a gate is missed: {'; '.join(missed)}.", file=sys.stderr)
        return 1
    print(f"Wrote {', '.join(sorted(path.name for path in args.to.iterdir()))} to {args.to}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
