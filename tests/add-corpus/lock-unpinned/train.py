"""k-nearest neighbours on generated data."""

import argparse
import json
import os

from sklearn.datasets import make_blobs
from sklearn.neighbors import KNeighborsClassifier

parser = argparse.ArgumentParser()
parser.add_argument("--neighbors", type=int, default=5)
parser.add_argument("--weights", choices=["uniform", "distance"], default="uniform")
args = parser.parse_args()

features, labels = make_blobs(n_samples=300, centers=3, random_state=2)
model = KNeighborsClassifier(n_neighbors=args.neighbors, weights=args.weights)
model.fit(features[:200], labels[:200])
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump({"accuracy": float(model.score(features[200:], labels[200:]))}, file)
