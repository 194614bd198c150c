from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "coproduction.audit"
    label = "audit"
    verbose_name = "Audit trail"
