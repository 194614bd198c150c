from django.apps import AppConfig


class CareplansConfig(AppConfig):
    name = "careplans"
    label = "careplans"
    verbose_name = "Care and support plans"

    def ready(self) -> None:
        from . import case_system, home, reports  # noqa: F401  (register the home-page panels, the plan PDFs and the case system export)
        from coproduction.people.caseload_version import watch

        from .models import CarePlan

        # A plan started, agreed, superseded or given a review date changes the caseload figures.
        watch(CarePlan, fields={"status", "review_due", "person", "person_id"})
