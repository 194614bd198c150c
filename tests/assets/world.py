"""assets records for the authorization matrix and the accessibility test."""


def build_assets_world(world: dict) -> dict:
    return {}
