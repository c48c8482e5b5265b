"""Score the released model on fresh data: `python reevaluate.py --help` lists the flags."""

import os
import sys
from pathlib import Path

# Like train.py: the package under src/ goes on the import path before it is imported, so the
# workflows call this file by a name that stays the same whatever the package is called.
sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from __pkg__.reevaluate import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(github=os.environ))
