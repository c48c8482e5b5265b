"""The DVC pipeline for real: params.yaml agrees with ml-cicd.yaml, `dvc repro` and `dvc push` in a
git repository, then a fresh clone pulls the same metrics, and a changed param reruns only the
stages that read it."""

import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("dvc", reason="dvc is in requirements.txt: install the pinned requirements")

# What the pipeline makes, DVC's cache and credentials: never copied into the test's repository.
PIPELINE_MADE = (
    ".git", "node_modules", "cache", "tmp", "config.local", "dvc.lock", "prepared", "*.joblib",
    "metrics.json", "confusion.csv", "predictions.csv",
)  # fmt: skip


def ignored_folders(root: Path) -> list[str]:
    """The folders the project's .gitignore leaves out wherever they are (`outputs/`, `.venv/`, a
    tracker's run folder): never copied either."""
    gitignore = root / ".gitignore"
    lines = gitignore.read_text(encoding="utf-8").splitlines() if gitignore.is_file() else []
    return [line[:-1] for line in lines if re.fullmatch(r"[\w.-]+/", line)]


def run(*args: str, cwd: Path) -> str:
    """Run a command in `cwd`; its output, or a failure that shows it."""
    env = os.environ | {"DVC_NO_ANALYTICS": "1"}
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def dvc(*args: str, cwd: Path) -> str:
    return run(sys.executable, "-m", "dvc", *args, cwd=cwd)


def git(*args: str, cwd: Path) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.com"]
    return run("git", *identity, *args, cwd=cwd)


def use_folder_remote(repo: Path, remote: Path) -> None:
    """Point the project's remote at a folder, in the git-ignored config.local as a user would."""
    dvc("remote", "modify", "--local", "storage", "url", str(remote), cwd=repo)


def ran_stages(output: str) -> list[str]:
    return [
        stage for stage in ("prepare", "train", "evaluate") if f"Running stage '{stage}'" in output
    ]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory, project_root: Path) -> Path:
    """A git repository holding this project, whose pipeline has run and been pushed."""
    repo = tmp_path_factory.mktemp("project")
    not_copied = shutil.ignore_patterns(*PIPELINE_MADE, *ignored_folders(project_root))
    shutil.copytree(project_root, repo, ignore=not_copied, dirs_exist_ok=True)
    git("init", "--quiet", cwd=repo)
    use_folder_remote(repo, repo.parent / "remote")
    assert ran_stages(dvc("repro", cwd=repo)) == ["prepare", "train", "evaluate"]
    git("add", "--all", cwd=repo)
    git("commit", "--quiet", "--message", "Run the pipeline", cwd=repo)
    dvc("push", cwd=repo)
    return repo


def test_params_yaml_holds_the_defaults_of_ml_cicd_yaml(
    project_root: Path, config: dict[str, Any]
) -> None:
    params = yaml.safe_load((project_root / "params.yaml").read_text(encoding="utf-8"))
    assert params == {name: param["default"] for name, param in config["params"].items()}


def test_every_param_is_read_by_a_stage(project_root: Path, config: dict[str, Any]) -> None:
    stages = yaml.safe_load((project_root / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    # The other entries are keys of ml-cicd.yaml (`task`, `dataset`), under its name.
    declared = {
        name
        for stage in stages.values()
        for name in stage.get("params", [])
        if isinstance(name, str)
    }
    assert declared == set(config["params"])


def test_a_fresh_clone_pulls_the_same_data_model_and_metrics(
    repo: Path, config: dict[str, Any]
) -> None:
    clone = repo.parent / "clone"
    git("clone", "--quiet", str(repo), str(clone), cwd=repo.parent)
    assert not (clone / "reports" / "metrics.json").exists()
    use_folder_remote(clone, repo.parent / "remote")

    dvc("pull", cwd=clone)

    for path in ("reports/metrics.json", "models/model.joblib", "data/prepared/train.csv"):
        assert (clone / path).read_bytes() == (repo / path).read_bytes(), path
    metrics = json.loads(dvc("metrics", "show", "--json", cwd=clone).splitlines()[0])
    scores = metrics[""]["data"]["reports/metrics.json"]["data"]
    for gate in config["metrics"]["gates"]:
        assert gate.get("min", -math.inf) <= scores[gate["metric"]] <= gate.get("max", math.inf)
    assert ran_stages(dvc("repro", cwd=clone)) == []
    assert git("status", "--porcelain", cwd=clone) == ""


def test_a_changed_param_reruns_only_the_stages_that_read_it(repo: Path) -> None:
    params_file = repo / "params.yaml"
    original = params_file.read_text(encoding="utf-8")
    try:
        params_file.write_text(original.replace("max-depth: 8", "max-depth: 3"), encoding="utf-8")
        assert ran_stages(dvc("repro", cwd=repo)) == ["train", "evaluate"]
        changed = original.replace("test-size: 0.25", "test-size: 0.3")
        params_file.write_text(changed, encoding="utf-8")
        assert ran_stages(dvc("repro", cwd=repo)) == ["prepare", "train", "evaluate"]
    finally:
        params_file.write_text(original, encoding="utf-8")
