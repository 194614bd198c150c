"""panels records for the authorization matrix and the accessibility test."""


def build_panels_world(world: dict) -> dict:
    return {}
