from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "commissioning.involvement"
    label = "involvement"
    verbose_name = "Involvement and recognition"
