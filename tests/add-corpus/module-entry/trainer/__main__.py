"""python -m trainer: an isolation forest scored on injected outliers."""

import argparse
import json
import os

import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score

parser = argparse.ArgumentParser(prog="trainer")
parser.add_argument("--contamination", type=float, default=0.05)
parser.add_argument("--estimators", type=int, default=50)
args = parser.parse_args()

rng = np.random.default_rng(4)
normal = rng.normal(0, 1, (400, 3))
outliers = rng.uniform(-6, 6, (20, 3))
data = np.vstack([normal, outliers])
truth = np.r_[np.zeros(400), np.ones(20)]
model = IsolationForest(n_estimators=args.estimators, contamination=args.contamination).fit(data)
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump({"auc": float(roc_auc_score(truth, -model.score_samples(data)))}, file)
