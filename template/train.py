"""Train, evaluate and record the model: `python train.py --help` lists the parameters.

The package is installed (editable, see the README): its console script does the same.
"""

from ml_project.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
