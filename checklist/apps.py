from django.apps import AppConfig


class ChecklistConfig(AppConfig):
    name = "checklist"
    label = "checklist"
    verbose_name = "Co-production checklist"

    def ready(self) -> None:
        from . import home, reports  # noqa: F401  (register the home-page panels and the checklist reports)
        from .practice_groups import rules  # noqa: F401  (the practice groups' permissions)
