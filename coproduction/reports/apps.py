from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "coproduction.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from coproduction.core.access_lost import on_access_lost

        from .services import report_jobs_void_lost_access

        # Someone who loses access to what a report is about never gets the report made.
        on_access_lost(report_jobs_void_lost_access)
