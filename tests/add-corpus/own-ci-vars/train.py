"""Linear SVM for spam scores on generated features."""

import argparse
import json
import os

from sklearn.datasets import make_classification
from sklearn.svm import LinearSVC

parser = argparse.ArgumentParser()
parser.add_argument("--C", type=float, default=0.5)
parser.add_argument("--max-iter", type=int, default=2000)
args = parser.parse_args()

features, labels = make_classification(n_samples=600, n_features=30, random_state=5)
model = LinearSVC(C=args.C, max_iter=args.max_iter).fit(features[:450], labels[:450])
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump({"accuracy": float(model.score(features[450:], labels[450:]))}, file)
