from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "commissioning.panels"
    label = "panels"
    verbose_name = "Procurement panels"
