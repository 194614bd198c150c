"""Demo records for workshops, for `manage.py seed_demo`."""


def seed_workshops_demo() -> None:
    pass
