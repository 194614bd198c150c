from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "commissioning.training"
    label = "training"
    verbose_name = "Training co-delivered by people who use services"

    def ready(self) -> None:
        from commissioning.models import ActivityKind, Phase
        from commissioning.sections import register_activity_kind

        # Training for providers comes before the tender goes out.
        register_activity_kind(ActivityKind.TRAINING, phase=Phase.DO, stage_name="Choose who provides it")
        from django.urls import reverse

        from commissioning.involvement.spectrum import StepEvidence, register_step_evidence
        from commissioning.sections import (
            ProgrammeSection,
            activity_programme,
            register_activity_link,
            register_section,
            register_specification_note,
            register_timeline_warning,
        )

        from . import home, rules, selectors  # noqa: F401  (home and rules register the home panel and the permissions)

        register_section(ProgrammeSection("Training", "training:course_list", 75, permission="training.view_training", phase="plan"))
        register_activity_link("training_session", lambda session: reverse("training:session_detail", kwargs={
            "programme_id": session.activity.programme_id, "course_id": session.course_id, "session_id": session.pk}),
            permission="training.view_training", permission_object=activity_programme)
        register_specification_note(selectors.tender_notes)
        register_timeline_warning(selectors.tender_warnings)
        register_step_evidence(StepEvidence("co_delivered_training", selectors.evidence_sentence, "commissioning:programme_list"))
