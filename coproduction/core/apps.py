from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class CoreConfig(AppConfig):
    name = "coproduction.core"
    label = "core"
    verbose_name = "Shared core"

    def ready(self) -> None:
        # Each app declares its personal data in its own personal_data.py.
        autodiscover_modules("personal_data")
