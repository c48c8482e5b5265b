"""k-means on generated blobs; its metrics mix numbers, nested objects, strings and nulls."""

import argparse
import json
import os

from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score, silhouette_score

parser = argparse.ArgumentParser()
parser.add_argument("--clusters", type=int, default=3)
parser.add_argument("--init", choices=["k-means++", "random"], default="k-means++")
args = parser.parse_args()

features, truth = make_blobs(n_samples=300, centers=3, random_state=8)
model = KMeans(n_clusters=args.clusters, init=args.init, n_init=3, random_state=8).fit(features)
metrics = {
    "silhouette": float(silhouette_score(features, model.labels_)),
    "agreement": {"ari": float(adjusted_rand_score(truth, model.labels_)), "truth_clusters": 3},
    "init": args.init,
    "baseline": None,
    "sizes": [int((model.labels_ == k).sum()) for k in range(args.clusters)],
}
os.makedirs("outputs", exist_ok=True)
with open("outputs/metrics.json", "w", encoding="utf-8") as file:
    json.dump(metrics, file, indent=2)
