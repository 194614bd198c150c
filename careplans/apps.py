from django.apps import AppConfig


class CareplansConfig(AppConfig):
    name = "careplans"
    label = "careplans"
    verbose_name = "Care and support plans"

    def ready(self) -> None:
        from . import home, reports  # noqa: F401  (register the home-page panels and the plan PDFs)
