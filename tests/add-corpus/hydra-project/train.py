"""Trains a random forest; Hydra composes its settings from conf/config.yaml."""

import json
import os

import hydra
from omegaconf import DictConfig
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier


@hydra.main(version_base=None, config_path="conf", config_name="config")
def train(cfg: DictConfig) -> float:
    features, labels = make_classification(n_samples=cfg.data.samples, random_state=cfg.seed)
    model = RandomForestClassifier(n_estimators=cfg.n_estimators, max_depth=cfg.max_depth)
    model.fit(features, labels)
    accuracy = float(model.score(features, labels))
    os.makedirs("outputs", exist_ok=True)
    with open("outputs/metrics.json", "w", encoding="utf-8") as file:
        json.dump({"accuracy": accuracy}, file)
    return accuracy


if __name__ == "__main__":
    train()
