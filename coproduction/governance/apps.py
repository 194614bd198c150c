from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class GovernanceConfig(AppConfig):
    name = "coproduction.governance"
    label = "governance"
    verbose_name = "Information governance"

    def ready(self) -> None:
        # Each app registers what consents, retention and erasure mean for its own records.
        autodiscover_modules("consents", "retention")
