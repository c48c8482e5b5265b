"""Check the gates and save the model to release: `python release.py --help` lists the flags."""

# The workflows call this file by a name that stays the same whatever the package is called; the
# import is parenthesised so that a long package name still fits in a line.
from ml_project import (
    release,
)

if __name__ == "__main__":
    raise SystemExit(release.main())
