"""Fits the model on data/prepared.npz with the train section of params.yaml."""

import json
import pickle

import dvc.api
import numpy as np
from sklearn.linear_model import LogisticRegression

params = dvc.api.params_show()["train"]
data = np.load("data/prepared.npz")
split = int(len(data["labels"]) * (1 - params["test_size"]))
model = LogisticRegression(C=params["C"], max_iter=params["max_iter"])
model.fit(data["features"][:split], data["labels"][:split])
with open("model.pkl", "wb") as file:
    pickle.dump(model, file)
accuracy = model.score(data["features"][split:], data["labels"][split:])
with open("metrics.json", "w", encoding="utf-8") as file:
    json.dump({"accuracy": float(accuracy)}, file)
