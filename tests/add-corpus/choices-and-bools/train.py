"""Gradient boosting on generated data, with the flag kinds teams write by hand."""

import argparse
import json
import os

from sklearn.datasets import make_classification
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split


def str2bool(value):
    if isinstance(value, bool):
        return value
    if value.lower() in ("yes", "true", "t", "y", "1"):
        return True
    if value.lower() in ("no", "false", "f", "n", "0"):
        return False
    raise argparse.ArgumentTypeError(f"expected a boolean, got {value!r}")


parser = argparse.ArgumentParser()
parser.add_argument("--depth", type=int, choices=[1, 2, 3, 4], default=2)
parser.add_argument("--folds", type=int, choices=range(1, 5), default=1)
parser.add_argument("--warm-start", type=str2bool, default=False, help="reuse the last fit")
parser.add_argument("--early-stop", type=str2bool, nargs="?", const=True, default=True)
parser.add_argument("--no-shuffle", action="store_false", dest="shuffle", help="keep row order")
speed = parser.add_mutually_exclusive_group()
speed.add_argument("--fast", action="store_true", help="few trees")
speed.add_argument("--thorough", action="store_true", help="many trees")
parser.add_argument("--loss", choices=["log_loss", "exponential"], default="log_loss")
args = parser.parse_args()

trees = 5 if args.fast else 60 if args.thorough else 20
features, labels = make_classification(n_samples=300, random_state=0)
x_train, x_test, y_train, y_test = train_test_split(
    features, labels, shuffle=args.shuffle, random_state=0 if args.shuffle else None
)
model = GradientBoostingClassifier(
    n_estimators=trees,
    max_depth=args.depth,
    loss=args.loss,
    warm_start=args.warm_start,
    n_iter_no_change=5 if args.early_stop else None,
)
model.fit(x_train, y_train)
os.makedirs("outputs", exist_ok=True)
metrics = {"accuracy": float(model.score(x_test, y_test)), "trees": trees, "folds": args.folds}
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump(metrics, file)
print(metrics)
