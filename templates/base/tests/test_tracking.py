"""Local tracking: the files a run leaves, the data and commit it names, and its plots."""

import hashlib
import json
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from __pkg__.cli import (
    main,
)
from __pkg__.data import (
    Dataset,
    Split,
    is_classification,
)
from __pkg__.params import Task
from __pkg__.plots import (
    bars_svg,
    confusion_matrix_svg,
    residuals_svg,
)
from __pkg__.tracking import (
    RUN_FILES,
    git_commit,
)

COMMIT = "0123456789abcdef0123456789abcdef01234567"
SVG = "{http://www.w3.org/2000/svg}"


def test_a_run_records_its_data_commit_duration_and_plots(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    task: Task,
    dataset: Dataset,
    split: Split,
) -> None:
    monkeypatch.setenv("GITHUB_SHA", COMMIT)
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(["--n-estimators=5"]) == 0

    run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert run["status"] == "finished"
    assert run["git_commit"] == COMMIT
    assert run["git_dirty"] in (True, False, None)
    assert run["data_sha256"] == dataset.sha256
    assert 0 < run["duration_seconds"] < 60
    plots = {path.stem for path in (tmp_path / "run").glob("*.svg")}
    if is_classification(task):
        assert {"confusion_matrix", "roc_curve", "pr_curve"} <= plots
        plot = ElementTree.parse(tmp_path / "run" / "confusion_matrix.svg").getroot()
        counts = [int(text.text or "") for text in plot.iter(f"{SVG}text") if text.get("class")]
        # Every held-out row is counted once.
        assert sum(counts) == len(split.y_test)
        curve = ElementTree.parse(tmp_path / "run" / "roc_curve.svg").getroot()
        lines = [line for line in curve.iter(f"{SVG}polyline") if line.get("class") == "series"]
        # One curve for binary (the positive class), one per class for multiclass.
        assert len(lines) == (1 if task == "binary" else len(split.class_names))
    else:
        assert "residuals" in plots
        plot = ElementTree.parse(tmp_path / "run" / "residuals.svg").getroot()
        assert len(list(plot.iter(f"{SVG}circle"))) == len(split.y_test)
    assert "confusion_matrix.svg" in capsys.readouterr().out or not is_classification(task)


def test_a_run_on_a_csv_file_records_the_files_hash(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    csv_file: Path,
    use_dataset: Callable[..., None],
) -> None:
    use_dataset(csv_file)
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(["--n-estimators=5"]) == 0

    run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert run["data_sha256"] == hashlib.sha256(csv_file.read_bytes()).hexdigest()
    assert str(csv_file) in run["data"]


@pytest.mark.parametrize(
    ("error", "status"),
    [(RuntimeError("fit failed"), "failed"), (KeyboardInterrupt(), "killed")],
    ids=["fit-fails", "ctrl-c"],
)
def test_a_run_that_stops_in_training_leaves_no_outputs_that_look_current(
    error: BaseException,
    status: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fit_raises: Callable[[BaseException], None],
    dataset: Dataset,
) -> None:
    output_dir = tmp_path / "run"
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(output_dir))
    assert main(["--n-estimators=5"]) == 0
    assert all((output_dir / name).exists() for name in RUN_FILES)
    fit_raises(error)

    with pytest.raises(type(error)):
        main(["--n-estimators=5"])

    run = json.loads((output_dir / "run.json").read_text(encoding="utf-8"))
    assert run["status"] == status and run["data_sha256"] == dataset.sha256
    assert "duration_seconds" not in run
    # The previous run's files are gone: nothing beside run.json looks like this run's.
    assert sorted(path.name for path in output_dir.iterdir()) == ["run.json"]


def test_a_run_on_data_it_cannot_use_fails_with_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    use_dataset: Callable[..., None],
) -> None:
    use_dataset(tmp_path / "missing.csv")
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main([]) == 1

    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "missing.csv" in error
    run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert run["status"] == "failed"
    assert not (tmp_path / "run" / "metrics.json").exists()


def test_the_commit_is_the_checkouts_head_outside_github_actions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    expected = subprocess.run(
        [git, "rev-parse", "HEAD"],
        cwd=Path(__file__).parent,
        capture_output=True,
        text=True,
    )

    found = git_commit()

    assert found == (expected.stdout.strip() if expected.returncode == 0 else None)


def test_without_git_a_run_has_no_commit_and_still_trains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert git_commit() is None
    assert main(["--n-estimators=5"]) == 0

    run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert run["git_commit"] is None


def test_the_plot_puts_each_count_in_its_cell_and_escapes_labels() -> None:
    svg = confusion_matrix_svg([[5, 1], [2, 9]], ["<benign>", "malignant"])

    root = ElementTree.fromstring(svg)
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert "<benign>" in texts
    cells = [
        (int(text.get("x") or 0), int(text.get("y") or 0), text.text)
        for text in root.iter(f"{SVG}text")
        if text.get("class") == "count"
    ]
    # Row by row, left to right: [[true 0 as 0, true 0 as 1], [true 1 as 0, true 1 as 1]].
    assert [count for *_, count in sorted(cells, key=lambda cell: (cell[1], cell[0]))] == [
        "5",
        "1",
        "2",
        "9",
    ]


def test_the_plot_refuses_a_matrix_that_does_not_fit_the_labels() -> None:
    with pytest.raises(ValueError, match="2x2"):
        confusion_matrix_svg([[1, 2, 3]], ["a", "b"])


def test_the_residuals_plot_has_a_dot_per_row_and_a_zero_line() -> None:
    svg = residuals_svg(np.array([1.0, 2.0, 3.0]), np.array([1.5, 2.0, 2.0]))

    root = ElementTree.fromstring(svg)
    assert len(list(root.iter(f"{SVG}circle"))) == 3
    assert len(list(root.iter(f"{SVG}polyline"))) == 1


def test_the_importances_show_the_largest_first_and_escape_names() -> None:
    svg = bars_svg("Feature importances", {"small": 0.1, "<big>": 0.7, "middle": 0.2})

    root = ElementTree.fromstring(svg)
    names = [text.text for text in root.iter(f"{SVG}text")][1::2]
    assert names == ["<big>", "middle", "small"]
