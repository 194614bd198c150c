from django.apps import AppConfig


class CareplansConfig(AppConfig):
    name = "careplans"
    label = "careplans"
    verbose_name = "Care and support plans"

    def ready(self) -> None:
        from . import case_system, home, reports  # noqa: F401  (register the home-page panels, the plan PDFs and the case system export)
