"""involvement records for the authorization matrix and the accessibility test."""


def build_involvement_world(world: dict) -> dict:
    return {}
