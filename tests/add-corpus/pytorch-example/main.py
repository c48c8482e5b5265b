"""Trains a small classifier on digits, in the style of the framework examples.

With --synthetic the script never touches the big data set nor the GPU stack: it trains a
scikit-learn model on generated data, which is what CI runs.
"""

import argparse
import json
import os
import random

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import train_test_split


def train_on_images(args):
    # The real run: only reached without --synthetic.
    import torch
    from torchvision import datasets

    datasets.MNIST(args.data, download=True)
    torch.manual_seed(args.seed)
    raise SystemExit("the full MNIST run needs a GPU machine")


def train_synthetic(args):
    rng_seed = args.manualSeed if args.manualSeed is not None else args.seed
    random.seed(rng_seed)
    np.random.seed(rng_seed)
    features, labels = make_classification(
        n_samples=args.batch_size * 8, n_features=20, random_state=rng_seed
    )
    x_train, x_test, y_train, y_test = train_test_split(
        features, labels, test_size=0.25, random_state=rng_seed
    )
    model = SGDClassifier(learning_rate="constant", eta0=args.lr, random_state=rng_seed)
    epochs = 1 if args.dry_run else args.epochs
    for _ in range(epochs):
        model.partial_fit(x_train, y_train, classes=np.unique(labels))
    return {"accuracy": float(model.score(x_test, y_test)), "epochs": epochs}


def main():
    parser = argparse.ArgumentParser(description="Digits example")
    parser.add_argument("--batch_size", type=int, default=64, help="input batch size for training")
    parser.add_argument("--batchSize", type=int, default=1000, help="input batch size for testing")
    parser.add_argument("--epochs", type=int, default=14, help="number of epochs to train")
    parser.add_argument("--lr", type=float, default=1.0, help="learning rate")
    parser.add_argument("--gamma", type=float, default=0.7, help="learning rate step gamma")
    parser.add_argument("--no-cuda", action="store_true", default=False, help="disables CUDA")
    parser.add_argument("--dry-run", action="store_true", default=False, help="one pass only")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("--manualSeed", type=int, help="seed that overrides --seed")
    parser.add_argument("--log-interval", type=int, default=10, help="batches between logs")
    parser.add_argument("--save-model", action="store_true", default=False, help="save the model")
    parser.add_argument("--data", default="../data", help="where the images are downloaded")
    parser.add_argument("--workers", type=int, default=2, help="data loading workers")
    parser.add_argument(
        "--synthetic", action="store_true", help="train on generated data, skip the download"
    )
    args = parser.parse_args()
    metrics = train_synthetic(args) if args.synthetic else train_on_images(args)
    os.makedirs("outputs", exist_ok=True)
    with open("outputs/metrics.json", "w", encoding="utf-8") as file:
        json.dump(metrics, file)
    print(json.dumps(metrics))


if __name__ == "__main__":
    main()
