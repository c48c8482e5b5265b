"""Training code of this project: parameters, settings, data, model and tracking."""
