"""Score the released model on fresh data: `python reevaluate.py --help` lists the flags."""

import os

# The workflows call this file by a name that stays the same whatever the package is called; the
# import is parenthesised so that a long package name still fits in a line.
from __pkg__ import (
    reevaluate,
)

if __name__ == "__main__":
    raise SystemExit(reevaluate.main(github=os.environ))
