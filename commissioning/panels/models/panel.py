"""panel models."""
