"""Register a release folder in the MLflow model registry: `python registry_mlflow.py --help`."""

# The workflows call this file by a name that stays the same whatever the package is called; the
# import is parenthesised so that a long package name still fits in a line.
from __pkg__ import (
    registry_mlflow,
)

if __name__ == "__main__":
    raise SystemExit(registry_mlflow.main())
