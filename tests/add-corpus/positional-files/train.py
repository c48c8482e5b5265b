"""Ridge classifier on the rows of every CSV file named on the command line."""

import argparse
import json
import os

import numpy as np
from sklearn.linear_model import RidgeClassifier

parser = argparse.ArgumentParser()
parser.add_argument("files", nargs="+", help="CSV files to train on, label in the last column")
parser.add_argument("--alpha", type=float, default=1.0, help="regularization strength")
args = parser.parse_args()

table = np.vstack([np.loadtxt(path, delimiter=",", skiprows=1) for path in args.files])
features, labels = table[:, :-1], table[:, -1]
split = len(labels) * 3 // 4
model = RidgeClassifier(alpha=args.alpha).fit(features[:split], labels[:split])
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    accuracy = float(model.score(features[split:], labels[split:]))
    json.dump({"accuracy": accuracy, "files": len(args.files), "rows": len(labels)}, file)
