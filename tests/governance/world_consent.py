"""consent records for the authorization matrix and the accessibility test."""


def build_consent_world(world: dict) -> dict:
    return {}
