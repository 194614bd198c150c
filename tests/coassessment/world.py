"""coassessment records for the authorization matrix and the accessibility test."""


def build_coassessment_world(world: dict) -> dict:
    return {}
