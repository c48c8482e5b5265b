"""The gates read from ml-cicd.yaml, and which metrics miss them."""

from pathlib import Path

from __pkg__.gates import (
    Gate,
    missed_gates,
    read_gates,
)


def test_reads_the_gates_of_the_project(project_root: Path) -> None:
    gates = read_gates(project_root / "ml-cicd.yaml")

    assert gates
    assert all(gate.min is not None or gate.max is not None for gate in gates)


def test_names_each_missed_gate() -> None:
    gates = [Gate("accuracy", min=0.9), Gate("loss", max=0.2), Gate("f1", min=0.5)]

    missed = missed_gates({"accuracy": 0.62, "loss": 0.1}, gates)

    assert missed == ["accuracy 0.6200 < 0.9", "f1 is not in the metrics"]
    assert missed_gates({"accuracy": 0.95, "loss": 0.3, "f1": 0.9}, gates) == ["loss 0.3000 > 0.2"]
