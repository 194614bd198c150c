from django.apps import AppConfig


class CaseSystemConfig(AppConfig):
    name = "coproduction.casesystem"
    label = "casesystem"
    verbose_name = "The council's case management system: people and teams in, plans out"

    def ready(self) -> None:
        from . import home  # noqa: F401  (the administrator's home panel)
