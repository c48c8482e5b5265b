import numpy as np


def lagged(series, lags):
    """Rows of the previous `lags` values, and the value that follows each row."""
    rows = np.stack([series[i : len(series) - lags + i] for i in range(lags)], axis=1)
    return rows, series[lags:]
