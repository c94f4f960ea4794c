"""The library application's Django app (models only) for the framework compatibility suite."""
