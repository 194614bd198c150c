from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class GovernanceConfig(AppConfig):
    name = "coproduction.governance"
    label = "governance"
    verbose_name = "Information governance"

    def ready(self) -> None:
        # The platform's own record types (report files, messages, audit entries) first; then
        # each app registers what consents, retention and erasure mean for its own records.
        from .retention import services  # noqa: F401

        autodiscover_modules("consents", "retention")
