"""fit-model: a logistic regression with a tunable regularisation."""

import argparse
import json
import os

from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def run():
    parser = argparse.ArgumentParser(prog="fit-model")
    parser.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    parser.add_argument("--penalty", choices=["l2", "none"], default="l2")
    args = parser.parse_args()
    features, labels = load_breast_cancer(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(features, labels, random_state=0)
    penalty = None if args.penalty == "none" else args.penalty
    model = make_pipeline(StandardScaler(), LogisticRegression(C=args.C, penalty=penalty))
    model.fit(x_train, y_train)
    os.makedirs("outputs", exist_ok=True)
    with open("outputs/metrics.json", "w", encoding="utf-8") as file:
        json.dump({"accuracy": float(model.score(x_test, y_test))}, file)


if __name__ == "__main__":
    run()
