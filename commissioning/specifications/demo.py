"""Demo records for specifications, for `manage.py seed_demo`."""


def seed_specifications_demo() -> None:
    pass
