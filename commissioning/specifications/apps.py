from django.apps import AppConfig


class SpecificationsConfig(AppConfig):
    name = "commissioning.specifications"
    label = "specifications"
    verbose_name = "Service specifications"
