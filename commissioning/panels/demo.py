"""Demo data for procurement panels."""


def seed_panels_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
