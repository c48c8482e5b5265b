from model import fit


def test_forest_beats_chance():
    assert fit(n_estimators=10, max_features='sqrt', seed=0) > 0.5
