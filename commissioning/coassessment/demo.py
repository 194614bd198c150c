"""Demo data for co-assessment and working together for change."""


def seed_coassessment_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
