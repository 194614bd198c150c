from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "commissioning.priorities"
    label = "priorities"
    verbose_name = "Priorities and outcomes"
