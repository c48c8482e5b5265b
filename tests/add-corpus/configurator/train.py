"""Trains a small MLP; settings are module globals that a config file or --key=value override.

    python train.py config/train_small.py --max_iters=20
"""

import json
import os

from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

out_dir = "out"
hidden_size = 64
max_iters = 200
learning_rate = 1e-3
batch_size = 32
seed = 1337
config_keys = [k for k, v in globals().items() if not k.startswith("_") and isinstance(v, (int, float, str))]
exec(open("configurator.py").read())
config = {k: globals()[k] for k in config_keys}

features, labels = load_digits(return_X_y=True)
x_train, x_test, y_train, y_test = train_test_split(features / 16.0, labels, random_state=seed)
model = MLPClassifier(
    hidden_layer_sizes=(hidden_size,),
    max_iter=max_iters,
    learning_rate_init=learning_rate,
    batch_size=batch_size,
    random_state=seed,
)
model.fit(x_train, y_train)
os.makedirs(out_dir, exist_ok=True)
with open(os.path.join(out_dir, "metrics.json"), "w", encoding="utf-8") as file:
    json.dump({"accuracy": float(model.score(x_test, y_test)), "config": config}, file)
