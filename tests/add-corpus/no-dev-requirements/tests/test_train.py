import subprocess
import sys


def test_train_writes_metrics(tmp_path):
    script = __file__.replace("tests/test_train.py", "train.py")
    subprocess.run([sys.executable, script], cwd=tmp_path, check=True)
    assert (tmp_path / "outputs" / "metrics.json").is_file()
