from django.apps import AppConfig


class BudgetingConfig(AppConfig):
    name = "commissioning.budgeting"
    label = "budgeting"
    verbose_name = "Participatory budgeting"
