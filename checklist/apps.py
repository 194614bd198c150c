from django.apps import AppConfig


class ChecklistConfig(AppConfig):
    name = "checklist"
    label = "checklist"
    verbose_name = "Co-production checklist"
