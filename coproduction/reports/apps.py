from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "coproduction.reports"
    label = "reports"
    verbose_name = "Reports"
