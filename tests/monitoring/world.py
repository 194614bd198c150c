"""monitoring records for the authorization matrix and the accessibility test."""


def build_monitoring_world(world: dict) -> dict:
    return {}
