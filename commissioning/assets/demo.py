"""Demo data for asset mapping."""


def seed_assets_demo() -> None:
    """Idempotent: safe to run again on a seeded database."""
