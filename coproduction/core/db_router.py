"""The primary database for everything, a read replica only where a selector asks for it.

A replica lags behind the primary by a moment, so routing reads to it by default would show
a practitioner a plan without the section they have just saved. Only heavy read-only
aggregates (dashboards, report data) opt in, with `.using(reporting_db())`.
"""

from django.conf import settings

REPLICA = "replica"


def reporting_db() -> str:
    """The database alias for dashboards and reports: the replica if one is configured."""
    return REPLICA if REPLICA in settings.DATABASES else "default"


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return "default"

    def db_for_write(self, model, **hints):
        return "default"  # never the replica, whatever a caller asks for

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary's schema by replication
