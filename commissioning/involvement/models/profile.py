"""profile models."""
