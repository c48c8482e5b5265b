"""Re-evaluate the released model on fresh data, against its recorded metrics and the gates.

The Re-evaluate workflow runs `python reevaluate.py --model released/model.skops
--recorded released/metrics.json` on a schedule; run it the same way locally.
"""

import argparse
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from __pkg__.data import Split
from __pkg__.fresh_data import (
    FreshData,
    load_fresh_data,
)
from __pkg__.gates import (
    Gate,
    missed_gates,
    read_gates,
)
from __pkg__.model import evaluate
from __pkg__.model_file import load_model
from __pkg__.params import (
    Task,
    read_config,
    read_task,
)
from __pkg__.settings import load_settings

# How far a metric may fall below the value recorded at release before the model counts as broken.
MAX_DROP = 0.05
# Errors in the target's units: they rise when the model gets worse.
LOWER_IS_BETTER = frozenset({"rmse", "mae"})


@dataclass(frozen=True)
class Outcome:
    """Metrics on the fresh data, those recorded at release, and every problem found."""

    metrics: dict[str, float]
    recorded: dict[str, float]
    problems: list[str]
    data: str

    @property
    def healthy(self) -> bool:
        return not self.problems


def dropped(
    metrics: Mapping[str, float], recorded: Mapping[str, float], max_drop: float
) -> list[str]:
    """Each metric more than `max_drop` below its record, as e.g. "f1 0.8100 < 0.9700 - 0.05"."""
    return [
        f"{name} {metrics[name]:.4f} < {value:.4f} - {max_drop}"
        for name, value in recorded.items()
        if name in metrics and metrics[name] < value - max_drop
    ]


def reevaluate(
    task: Task,
    model: object,
    fresh: FreshData,
    recorded: Mapping[str, float],
    gates: list[Gate],
    max_drop: float = MAX_DROP,
) -> Outcome:
    """Score `model` on `fresh` with the metrics of `task`; compare with `recorded` and `gates`.

    A metric where lower is better (rmse, mae) is compared against its gate's max only: a drop
    below its record is an improvement, so `dropped` looks at the metrics where higher is better.
    """
    # The fresh rows are all test rows: nothing is trained here.
    split = Split(
        x_train=fresh.x[:0],
        x_test=fresh.x,
        y_train=fresh.y[:0],
        y_test=fresh.y,
        feature_names=(),
        class_names=(),
    )
    metrics = evaluate(task, model, split).metrics
    higher_is_better = {
        name: value for name, value in recorded.items() if name not in LOWER_IS_BETTER
    }
    problems = missed_gates(metrics, gates) + dropped(metrics, higher_is_better, max_drop)
    return Outcome(metrics, dict(recorded), problems, fresh.description)


def report(outcome: Outcome) -> str:
    """The outcome as Markdown: verdict, problems, and a table of fresh against recorded metrics."""
    verdict = "Every gate holds" if outcome.healthy else "The released model misses a gate"
    lines = [f"### Re-evaluation: {verdict.lower()}", "", f"Data: {outcome.data}.", ""]
    if outcome.problems:
        lines += [*(f"- {problem}" for problem in outcome.problems), ""]
    lines += ["| metric | fresh data | at release |", "| --- | --- | --- |"]
    for name, value in outcome.metrics.items():
        was = outcome.recorded.get(name)
        lines.append(f"| {name} | {value:.4f} | {'' if was is None else f'{was:.4f}'} |")
    return "\n".join(lines) + "\n"


def write_github_files(outcome: Outcome, text: str, summary: Path, output: Path) -> None:
    """Append the report to the job summary and the status and report to the step's outputs."""
    with summary.open("a", encoding="utf-8") as file:
        file.write(text)
    # A random delimiter, so no line of the report can end the multi-line value early.
    delimiter = f"REPORT_{secrets.token_hex(16)}"
    status = "healthy" if outcome.healthy else "broken"
    with output.open("a", encoding="utf-8") as file:
        file.write(f"status={status}\nreport<<{delimiter}\n{text}{delimiter}\n")


def main(argv: list[str] | None = None, github: Mapping[str, str] | None = None) -> int:
    """Re-evaluate and write the report; 0 whatever the outcome (the workflow acts on the status).

    `github` holds GITHUB_STEP_SUMMARY and GITHUB_OUTPUT when run in a workflow.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True, help="the released model.skops")
    parser.add_argument("--recorded", type=Path, required=True, help="its metrics.json")
    parser.add_argument(
        "--config", type=Path, help="where the gates are (the project's ml-cicd.yaml)"
    )
    today = int(date.today().strftime("%Y%m%d"))
    parser.add_argument("--seed", type=int, default=today, help="seed of the fresh sample")
    args = parser.parse_args(argv)

    recorded = json.loads(args.recorded.read_text(encoding="utf-8"))
    task = read_task(read_config(args.config))
    model = load_model(args.model)
    outcome = reevaluate(task, model, load_fresh_data(args.seed), recorded, read_gates(args.config))
    text = report(outcome)
    print(text)
    output_dir = load_settings().output_dir
    output_dir.mkdir(parents=True, exist_ok=True)
    result = {"healthy": outcome.healthy, "problems": outcome.problems, "metrics": outcome.metrics}
    (output_dir / "reevaluation.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    if github and "GITHUB_STEP_SUMMARY" in github and "GITHUB_OUTPUT" in github:
        summary, output = Path(github["GITHUB_STEP_SUMMARY"]), Path(github["GITHUB_OUTPUT"])
        write_github_files(outcome, text, summary, output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(github=os.environ))
