"""scoring models."""
