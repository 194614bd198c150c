from django.apps import AppConfig


class CoassessmentConfig(AppConfig):
    name = "commissioning.coassessment"
    label = "coassessment"
    verbose_name = "Co-assessment and Working Together for Change"
