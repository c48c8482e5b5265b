import subprocess
import sys


def test_synthetic_dry_run_writes_metrics(tmp_path):
    script = __file__.replace("tests/test_main.py", "main.py")
    subprocess.run(
        [sys.executable, script, "--synthetic", "--dry-run", "--batch_size", "16"],
        cwd=tmp_path,
        check=True,
    )
    assert (tmp_path / "outputs" / "metrics.json").is_file()
