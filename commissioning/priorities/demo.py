"""Demo records for priorities, for `manage.py seed_demo`."""


def seed_priorities_demo() -> None:
    pass
