"""Train, evaluate and record the model: `python train.py --help` lists the parameters."""

import sys
from pathlib import Path

# The project runs from its folder and is never pip-installed, so the package under src/ is put on
# the import path here, before it is imported (pytest does the same with `pythonpath`).
sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from __pkg__.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
