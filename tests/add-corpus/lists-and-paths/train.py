"""Ridge regression over a grid of alphas, with list, count, positional and Path flags."""

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.datasets import make_regression
from sklearn.linear_model import Ridge

parser = argparse.ArgumentParser()
parser.add_argument("data", nargs="?", default=None, help="CSV to train on; generated if absent")
parser.add_argument("--alphas", type=float, nargs="+", default=[0.1, 1.0, 10.0])
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--out-dir", type=Path, default=Path("artifacts"))
parser.add_argument("--samples", type=int, default=None, help="rows to generate (default 200)")
parser.add_argument("--noise", type=float, default=None)
parser.add_argument("--tag", default=None, help="a label for the run")
args = parser.parse_args()

if args.data:
    table = np.loadtxt(args.data, delimiter=",", skiprows=1)
    features, target = table[:, :-1], table[:, -1]
else:
    features, target = make_regression(
        n_samples=args.samples or 200, noise=args.noise or 1.0, random_state=0
    )
split = len(target) * 3 // 4
scores = {}
for alpha in args.alphas:
    model = Ridge(alpha=alpha).fit(features[:split], target[:split])
    scores[str(alpha)] = float(model.score(features[split:], target[split:]))
    if args.verbose:
        print(f"alpha={alpha} r2={scores[str(alpha)]:.4f}")
args.out_dir.mkdir(parents=True, exist_ok=True)
best = max(scores.values())
(args.out_dir / "metrics.json").write_text(json.dumps({"r2": best, "tag": args.tag}))
