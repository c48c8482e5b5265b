"""Ridge classifier on generated data; the repository has tests but no development requirements."""

import argparse
import json
import os

from sklearn.datasets import make_classification
from sklearn.linear_model import RidgeClassifier

parser = argparse.ArgumentParser()
parser.add_argument("--alpha", type=float, default=1.0)
args = parser.parse_args()

features, labels = make_classification(n_samples=300, random_state=10)
model = RidgeClassifier(alpha=args.alpha).fit(features[:200], labels[:200])
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump({"accuracy": float(model.score(features[200:], labels[200:]))}, file)
