from sklearn.datasets import load_wine
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split


def fit(n_estimators: int, max_features: str, seed: int) -> float:
    features, labels = load_wine(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(features, labels, random_state=seed)
    model = RandomForestClassifier(n_estimators=n_estimators, max_features=max_features, random_state=seed)
    model.fit(x_train, y_train)
    return float(model.score(x_test, y_test))
