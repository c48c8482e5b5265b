"""Check the gates and save the model to release: `python release.py --help` lists the flags."""

import sys
from pathlib import Path

# Like train.py: the package under src/ goes on the import path before it is imported, so the
# workflows call this file by a name that stays the same whatever the package is called. The
# import is parenthesised so that a long package name still fits in a line.
sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from ml_project import (  # noqa: E402
    release,
)

if __name__ == "__main__":
    raise SystemExit(release.main())
