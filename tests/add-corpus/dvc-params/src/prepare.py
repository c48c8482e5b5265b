"""Writes the generated data set the train stage reads."""

import dvc.api
import numpy as np
from sklearn.datasets import make_classification

params = dvc.api.params_show()["prepare"]
features, labels = make_classification(n_samples=params["samples"], random_state=params["seed"])
np.savez("data/prepared.npz", features=features, labels=labels)
