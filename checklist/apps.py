from django.apps import AppConfig


class ChecklistConfig(AppConfig):
    name = "checklist"
    label = "checklist"
    verbose_name = "Co-production checklist"

    def ready(self) -> None:
        from . import home, reports  # noqa: F401  (register the home-page panels and the checklist reports)
        from .practice_groups import rules  # noqa: F401  (the practice groups' permissions)
        from coproduction.core.practice_statements import register_statement_source

        from .selectors import practice_statements_current

        # Training courses (and anything else) name the statements they cover without importing the checklist.
        register_statement_source(practice_statements_current)
