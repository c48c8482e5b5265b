"""The command line of train.py: parameters in; a trained, evaluated and recorded model out."""

import logging
import sys
import time
from collections.abc import Mapping, Sequence

from __pkg__.data import (
    DataError,
    load_dataset,
    split_dataset,
)
from __pkg__.model import (
    ModelParamError,
    describe,
    evaluate,
    train,
)
from __pkg__.params import (
    ConfigError,
    DataSource,
    Params,
    Task,
    config_file,
    parse_params,
    read_config,
    read_source,
    read_specs,
    read_task,
)
from __pkg__.plots import (
    task_plots,
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
    git_dirty,
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


def train_and_save(
    task: Task, params: Params, source: DataSource, local: LocalTracker
) -> RunRecord:
    """Train and evaluate, print the results, and have the local tracker write the run's files."""
    print(f"Model: {describe(task, params)}")
    dataset = load_dataset(task, source)
    commit = git_commit()
    # In run.json even if training fails: which data and code the run was given.
    local.run_details.update(
        data=dataset.description,
        data_sha256=dataset.sha256,
        git_commit=commit,
        git_dirty=git_dirty(),
    )
    split = split_dataset(dataset, task, params.test_size, params.seed)
    started = time.perf_counter()
    model = train(task, params, split)
    duration_seconds = time.perf_counter() - started
    evaluation = evaluate(task, model, split)

    metrics = {name: f"{value:.4f}" for name, value in evaluation.metrics.items()}
    print(table(f"Metrics on {len(split.y_test)} held-out rows of {dataset.description}", metrics))
    if evaluation.confusion_matrix:
        print(confusion_table(evaluation.confusion_matrix, split.class_names))
    return local.save(
        dict(params),
        evaluation.metrics,
        model,
        duration_seconds=duration_seconds,
        git_commit=commit,
        plots=task_plots(task, model, split, evaluation.confusion_matrix),
    )


def main(argv: list[str] | None = None) -> int:
    """Train once with the flags in `argv` (default: the command line).

    Returns the exit code: 0, or 1 when ml-cicd.yaml, a setting, the data or a param is unusable
    (run.json then says the run failed). A bad flag exits with 2 (argparse).
    """
    try:
        config = read_config()
        task, source, specs = read_task(config), read_source(config), read_specs(config)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    params = parse_params(argv, specs)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")

    print(f"Task: {task} (from {config_file()})")
    print(table("Parameters", params))
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
    try:
        with recording_how_it_ends(local, remote):
            run = train_and_save(task, params, source, local)
            if remote is not None:
                remote.log(run)
                print(f"Logged the run to {remote.description}")
    except (DataError, ModelParamError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {', '.join(str(path) for path in local.files)}")
    return 0
