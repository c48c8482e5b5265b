"""Naive Bayes on a bag of generated counts; the repository has no tests and no lint settings."""
import argparse, json, os
import numpy as np
from sklearn.naive_bayes import MultinomialNB

parser = argparse.ArgumentParser()
parser.add_argument('--alpha', type=float, default=1.0)
args = parser.parse_args()

rng = np.random.default_rng(9)
counts = rng.poisson(lam=[[1, 4, 2]] * 150 + [[4, 1, 2]] * 150)
labels = np.r_[np.zeros(150), np.ones(150)]
model = MultinomialNB(alpha=args.alpha).fit(counts, labels)
os.makedirs('outputs', exist_ok=True)
json.dump({'accuracy': float(model.score(counts, labels))}, open('outputs/metrics.json', 'w'))
