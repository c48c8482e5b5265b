"""Logistic regression on generated data, for a team that works in a conda environment."""

import argparse
import json
import os
import sys

from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

parser = argparse.ArgumentParser(description="Train the churn model.")
parser.add_argument("--c", type=float, default=1.0, help="Inverse of the regularisation strength.")
parser.add_argument("--max-iter", type=int, default=200, help="Most solver iterations.")
args = parser.parse_args()

features, labels = make_classification(n_samples=400, n_features=8, random_state=3)
model = LogisticRegression(C=args.c, max_iter=args.max_iter)
model.fit(features[:300], labels[:300])
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    # The Python the workflow ran: environment.yml's, which add records in ml-cicd.yaml.
    accuracy = float(model.score(features[300:], labels[300:]))
    json.dump({"accuracy": accuracy, "python-minor": sys.version_info.minor}, file)
