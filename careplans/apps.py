from django.apps import AppConfig


class CareplansConfig(AppConfig):
    name = "careplans"
    label = "careplans"
    verbose_name = "Care and support plans"

    def ready(self) -> None:
        from . import home  # noqa: F401  (registers the home-page panels)
