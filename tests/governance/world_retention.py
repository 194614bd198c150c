"""retention records for the authorization matrix and the accessibility test."""


def build_retention_world(world: dict) -> dict:
    return {}
