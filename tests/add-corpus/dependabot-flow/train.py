"""Extra-trees regressor on generated data."""

import argparse
import json
import os

from sklearn.datasets import make_friedman1
from sklearn.ensemble import ExtraTreesRegressor

parser = argparse.ArgumentParser()
parser.add_argument("--n-estimators", type=int, default=30)
args = parser.parse_args()

features, target = make_friedman1(n_samples=300, random_state=6)
model = ExtraTreesRegressor(n_estimators=args.n_estimators, random_state=6)
model.fit(features[:200], target[:200])
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump({"r2": float(model.score(features[200:], target[200:]))}, file)
