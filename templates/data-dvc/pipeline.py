"""Run one stage of the DVC pipeline in dvc.yaml: `python pipeline.py prepare|train|evaluate`."""

import sys
from pathlib import Path

# As in train.py: the package under src/ is put on the import path before it is imported.
sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from __pkg__.stages import (  # noqa: E402
    main,
)

if __name__ == "__main__":
    raise SystemExit(main())
