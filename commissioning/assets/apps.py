from django.apps import AppConfig


class AssetsConfig(AppConfig):
    name = "commissioning.assets"
    label = "assets"
    verbose_name = "Asset mapping"
