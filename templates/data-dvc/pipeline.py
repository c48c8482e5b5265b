"""Run one stage of the DVC pipeline in dvc.yaml: `python pipeline.py prepare|train|evaluate`."""

# dvc.yaml calls this file by a name that stays the same whatever the package is called; the
# import is parenthesised so that a long package name still fits in a line.
from __pkg__.stages import (
    main,
)

if __name__ == "__main__":
    raise SystemExit(main())
