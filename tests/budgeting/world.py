"""budgeting records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py (world["programme"] and friends)."""


def build_budgeting_world(world: dict) -> dict:
    return {}
