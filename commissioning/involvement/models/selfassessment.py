"""selfassessment models."""
