"""The command line of train.py: parameters in; a trained, evaluated and recorded model out."""

import logging
import sys
import time
from collections.abc import Mapping, Sequence

from __pkg__.data import load_split
from __pkg__.model import (
    evaluate,
    model_kwargs,
    train,
)
from __pkg__.params import (
    Params,
    parse_params,
)
from __pkg__.plots import (
    confusion_matrix_svg,
)
from __pkg__.settings import (
    SettingsError,
    describe_settings,
    load_settings,
)
from __pkg__.tracking import (
    LocalTracker,
    RunRecord,
    git_commit,
    open_trackers,
    recording_how_it_ends,
)


def table(title: str, rows: Mapping[str, object]) -> str:
    """`title`, then one `name  value` line per row with the values lined up."""
    width = max(map(len, rows), default=0)
    return "\n".join([title, *(f"  {name:<{width}}  {value}" for name, value in rows.items())])


def confusion_table(matrix: Sequence[Sequence[int]], labels: Sequence[str]) -> str:
    """The confusion matrix with one row per true class and one column per predicted class."""
    width = max(map(len, labels))
    header = " " * (width + 2) + "".join(f"  {label:>{width}}" for label in labels)
    rows = [
        f"  {label:<{width}}" + "".join(f"  {count:>{width}}" for count in counts)
        for label, counts in zip(labels, matrix, strict=True)
    ]
    return "\n".join(["Confusion matrix (rows: true class, columns: predicted)", header, *rows])


def train_and_save(params: Params, local: LocalTracker) -> RunRecord:
    """Train and evaluate, print the results, and have the local tracker write the run's files."""
    split = load_split(test_size=params.test_size, seed=params.seed)
    kwargs = ", ".join(f"{name}={value!r}" for name, value in model_kwargs(params).items())
    print(f"Model: RandomForestClassifier({kwargs})")
    started = time.perf_counter()
    model = train(params, split)
    duration_seconds = time.perf_counter() - started
    evaluation = evaluate(model, split)

    metrics = {name: f"{value:.4f}" for name, value in evaluation.metrics.items()}
    print(table(f"Metrics on {len(split.y_test)} held-out rows", metrics))
    print(confusion_table(evaluation.confusion_matrix, split.target_names))
    svg = confusion_matrix_svg(evaluation.confusion_matrix, split.target_names)
    return local.save(
        params.as_dict(),
        evaluation.metrics,
        model,
        duration_seconds=duration_seconds,
        git_commit=git_commit(),
        plots={"confusion_matrix": svg},
    )


def main(argv: list[str] | None = None) -> int:
    """Train once with the flags in `argv` (default: the command line).

    Returns the exit code: 0, or 1 when a setting is unusable. A bad flag exits with 2 (argparse).
    """
    params = parse_params(argv)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")

    print(table("Parameters", params.as_dict()))
    print(table("Settings", describe_settings(settings)))
    try:
        local, remote, where = open_trackers(settings.output_dir)
    except OSError as error:
        print(
            f"error: cannot create the output folder {settings.output_dir} "
            f"(set TRAIN_OUTPUT_DIR to another): {error.strerror}.",
            file=sys.stderr,
        )
        return 1
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Tracking: {where}")

    # A crash or Ctrl-C in training still ends the runs, as failed or killed.
    with recording_how_it_ends(local, remote):
        run = train_and_save(params, local)
        if remote is not None:
            remote.log(run)
            print(f"Logged the run to {remote.description}")
    print(f"Wrote {', '.join(str(path) for path in local.files)}")
    return 0
