"""What migrations put in the database (the first checklist statements, the starting review
themes), put back whenever the tables are emptied.

`flush`, which pytest-django runs after every test that commits and the demo-world modules
run when they end, empties every table, migrated data included; a test that ran after it on
the same worker would find no statements to rate. `flush` sends post_migrate, as `migrate`
does, so the migrations' own data steps run again then (each adds only what is missing)."""

from importlib import import_module

from django.apps import apps
from django.db.models.signals import post_migrate

MIGRATION_DATA_STEPS = [
    ("checklist.migrations.0002_first_statement_set", "publish"),
    ("careplans.migrations.0004_review_themes", "add_themes"),
]


def restore_reference_data(sender, **kwargs) -> None:
    for module, step in MIGRATION_DATA_STEPS:
        getattr(import_module(module), step)(apps, None)


def connect() -> None:
    # Sent once per app: listening for one app's signal runs the steps once per flush.
    post_migrate.connect(restore_reference_data, sender=apps.get_app_config("checklist"), dispatch_uid="tests_reference_data")
