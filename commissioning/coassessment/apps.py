from django.apps import AppConfig


class CoassessmentConfig(AppConfig):
    name = "commissioning.coassessment"
    label = "coassessment"
    verbose_name = "Co-assessment and Working Together for Change"

    def ready(self) -> None:
        from django.urls import reverse

        from commissioning.sections import (
            ProgrammeSection,
            register_activity_kind,
            activity_programme,
            register_activity_link,
            register_section,
        )

        from commissioning.models import ActivityKind, Phase

        # Surveys, focus groups, co-assessments and WTfC exercises are how people who use the
        # service assess it with the council.
        for kind in (ActivityKind.SURVEY, ActivityKind.FOCUS_GROUP, ActivityKind.CO_ASSESSMENT, ActivityKind.WORKING_TOGETHER_FOR_CHANGE):
            register_activity_kind(kind, phase=Phase.REVIEW, stage_name="Co-assess the service")
        register_section(ProgrammeSection("Review", "coassessment:review_home", 90, permission="coassessment.view_review", phase="review"))
        links = {
            "wtfc_exercise": lambda record: reverse("coassessment:wtfc_results", kwargs={"programme_id": record.programme_id, "exercise_id": record.pk}),
            "survey": lambda record: reverse("coassessment:survey_detail", kwargs={"programme_id": record.programme_id, "survey_id": record.pk}),
            "focus_group": lambda record: reverse("coassessment:focus_group_detail", kwargs={"programme_id": record.programme_id, "focus_group_id": record.pk}),
            "co_assessment": lambda record: reverse("coassessment:co_assessment_detail", kwargs={"programme_id": record.programme_id, "co_assessment_id": record.pk}),
        }
        for related_name, url_for in links.items():
            register_activity_link(related_name, url_for, permission="coassessment.view_review", permission_object=activity_programme)
