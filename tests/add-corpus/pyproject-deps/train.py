"""Churn model: a decision tree on generated customer data."""

import argparse
import json
import os

from sklearn.datasets import make_classification
from sklearn.tree import DecisionTreeClassifier

parser = argparse.ArgumentParser()
parser.add_argument("--max-depth", type=int, default=4)
parser.add_argument("--min-samples-leaf", type=int, default=2)
args = parser.parse_args()

features, labels = make_classification(n_samples=400, random_state=1)
model = DecisionTreeClassifier(max_depth=args.max_depth, min_samples_leaf=args.min_samples_leaf)
model.fit(features[:300], labels[:300])
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump({"accuracy": float(model.score(features[300:], labels[300:]))}, file)
