"""Demo messages, so every demo account's Messages list shows what the service sends."""


def seed_notifications_demo() -> None:
    pass
