from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "commissioning.workshops"
    label = "workshops"
    verbose_name = "Workshops and events"
