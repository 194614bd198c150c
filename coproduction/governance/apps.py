from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "coproduction.governance"
    label = "governance"
    verbose_name = "Information governance"
