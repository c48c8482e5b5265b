import argparse
import json
import os

from model import fit

parser = argparse.ArgumentParser()
parser.add_argument('--n-estimators', type=int, default=50)
parser.add_argument('--max-features', choices=['sqrt', 'log2'], default='sqrt')
parser.add_argument('--seed', type=int, default=0)
args = parser.parse_args()

accuracy = fit(args.n_estimators, args.max_features, args.seed)
os.makedirs('outputs', exist_ok=True)
with open('outputs/metrics.json', 'w', encoding='utf-8') as file:
    json.dump({'accuracy': accuracy}, file)
