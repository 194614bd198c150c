from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    name = "commissioning"
    label = "commissioning"
    verbose_name = "Commissioning with local people"
