"""Demo data for monitoring and quality."""


def seed_monitoring_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
