from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "commissioning.recruitment"
    label = "recruitment"
    verbose_name = "Recruiting social care staff with local people"

    def ready(self) -> None:
        from commissioning.models import ActivityKind, Phase
        from commissioning.sections import register_activity_kind

        # Recruiting the staff who deliver the service, with local people.
        register_activity_kind(ActivityKind.RECRUITMENT_PANEL, phase=Phase.DO, stage_name="Deliver and monitor together")
        from django.urls import reverse

        from commissioning.involvement.spectrum import StepEvidence, register_step_evidence
        from commissioning.sections import DecisionLink, register_activity_link, register_decision_link

        # briefing, home and rules register the briefing PDF, the home panel and the permissions
        # (personal_data and retention are found by the platform).
        from . import briefing, home, rules, selectors  # noqa: F401

        register_activity_link(
            "recruitment_campaign",
            lambda campaign: reverse("recruitment:campaign_detail", kwargs={"campaign_id": campaign.pk}),
            permission="recruitment.view_campaign",
        )
        # One link (one query on every decision's page): the recommendation leads to the campaign.
        register_decision_link(DecisionLink(
            "recruitment_recommendations", "Recruitment panel that recommended it",
            lambda outcome: reverse("recruitment:campaign_detail", kwargs={"campaign_id": outcome.campaign_id}),
            "recruitment.view_campaign", select_related=("campaign",), permission_object=lambda outcome: outcome.campaign,
        ))
        # Local people on interview panels is part of working with people throughout.
        register_step_evidence(StepEvidence("whole_process", selectors.evidence_sentence, "recruitment:campaign_list"))
