"""Messages for the authorization matrix and the accessibility test."""


def build_notifications_world(world: dict) -> dict:
    return {}
