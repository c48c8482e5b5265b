"""Demand forecasting with lagged features."""
