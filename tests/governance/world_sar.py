"""sar records for the authorization matrix and the accessibility test."""


def build_sar_world(world: dict) -> dict:
    return {}
