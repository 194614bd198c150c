"""Demo records for budgeting, for `manage.py seed_demo`."""


def seed_budgeting_demo() -> None:
    pass
