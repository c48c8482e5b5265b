"""Local tracking: the files a run leaves, the commit it names, and the confusion-matrix plot."""

import json
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pytest

from __pkg__.cli import (
    main,
)
from __pkg__.plots import (
    confusion_matrix_svg,
)
from __pkg__.tracking import (
    git_commit,
)

COMMIT = "0123456789abcdef0123456789abcdef01234567"
SVG = "{http://www.w3.org/2000/svg}"


def test_a_run_records_its_duration_commit_and_plot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_SHA", COMMIT)
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))

    assert main(["--n-estimators=5"]) == 0

    run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert run["status"] == "finished"
    assert run["git_commit"] == COMMIT
    assert 0 < run["duration_seconds"] < 60
    plot = ElementTree.parse(tmp_path / "run" / "confusion_matrix.svg").getroot()
    counts = [int(text.text or "") for text in plot.iter(f"{SVG}text") if text.get("class")]
    # Every held-out row is counted once: 25% of the 569 rows of the breast cancer data.
    assert sum(counts) == 143
    assert "confusion_matrix.svg" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("error", "status"),
    [(RuntimeError("fit failed"), "failed"), (KeyboardInterrupt(), "killed")],
    ids=["fit-fails", "ctrl-c"],
)
def test_a_run_that_stops_in_training_records_how_it_ended(
    error: BaseException,
    status: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fit_raises: Callable[[BaseException], None],
) -> None:
    monkeypatch.setenv("TRAIN_OUTPUT_DIR", str(tmp_path / "run"))
    fit_raises(error)

    with pytest.raises(type(error)):
        main(["--n-estimators=5"])

    run = json.loads((tmp_path / "run" / "run.json").read_text(encoding="utf-8"))
    assert run == {"status": status}
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
