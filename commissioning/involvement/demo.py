"""Demo data for people involved."""


def seed_involvement_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
