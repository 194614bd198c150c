from django.apps import AppConfig


class CareplansConfig(AppConfig):
    name = "careplans"
    label = "careplans"
    verbose_name = "Care and support plans"
