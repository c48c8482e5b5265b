"""The gates of ml-cicd.yaml: thresholds a model's metrics must meet to be released and kept."""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from __pkg__.params import read_config


@dataclass(frozen=True)
class Gate:
    """`metric` must be at least `min` and at most `max`, where they are set."""

    metric: str
    min: float | None = None
    max: float | None = None


def read_gates(config_file: Path | None = None) -> list[Gate]:
    """The gates listed under `metrics.gates` in `config_file` (default: the project's)."""
    config = read_config(config_file)
    return [
        Gate(metric=gate["metric"], min=gate.get("min"), max=gate.get("max"))
        for gate in config["metrics"]["gates"]
    ]


def missed_gates(metrics: Mapping[str, float], gates: list[Gate]) -> list[str]:
    """Each gate `metrics` miss, as e.g. "accuracy 0.6200 < 0.9"; a missing metric misses too."""
    missed = []
    for gate in gates:
        value = metrics.get(gate.metric)
        if value is None:
            missed.append(f"{gate.metric} is not in the metrics")
        elif gate.min is not None and value < gate.min:
            missed.append(f"{gate.metric} {value:.4f} < {gate.min}")
        elif gate.max is not None and value > gate.max:
            missed.append(f"{gate.metric} {value:.4f} > {gate.max}")
    return missed
