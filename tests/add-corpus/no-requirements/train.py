"""A notebook turned script: its packages are whatever the author had installed."""

import argparse
import json
import os

from sklearn.datasets import load_iris
from sklearn.svm import SVC

parser = argparse.ArgumentParser()
parser.add_argument("--C", type=float, default=1.0)
args = parser.parse_args()

features, labels = load_iris(return_X_y=True)
model = SVC(C=args.C).fit(features, labels)
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump({"accuracy": float(model.score(features, labels))}, file)
