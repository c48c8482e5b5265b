"""forecast-train: fits a linear model on lagged demand and writes its error."""

import argparse
import json
import os

import numpy as np
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error

from forecast.features import lagged


def main():
    parser = argparse.ArgumentParser(prog="forecast-train")
    parser.add_argument("--lags", type=int, default=7)
    parser.add_argument("--horizon", type=int, default=30)
    args = parser.parse_args()
    days = np.arange(365)
    demand = 100 + 10 * np.sin(days * 2 * np.pi / 7) + np.random.default_rng(0).normal(0, 1, 365)
    rows, target = lagged(demand, args.lags)
    model = LinearRegression().fit(rows[: -args.horizon], target[: -args.horizon])
    error = mean_absolute_error(target[-args.horizon :], model.predict(rows[-args.horizon :]))
    os.makedirs("outputs", exist_ok=True)
    with open("outputs/metrics.json", "w", encoding="utf-8") as file:
        json.dump({"mae": float(error)}, file)


if __name__ == "__main__":
    main()
