from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "commissioning.panels"
    label = "panels"
    verbose_name = "Procurement panels"

    def ready(self) -> None:
        from django.urls import reverse

        from commissioning.involvement.spectrum import StepEvidence, register_step_evidence
        from commissioning.sections import (
            DecisionLink,
            ProgrammeSection,
            register_activity_kind,
            register_activity_link,
            register_decision_link,
            register_section,
        )

        # Importing these registers the briefing pack, panel report and feedback letter PDFs, and
        # the scoring part's rules (django-rules imports only this app's own rules.py).
        from . import briefing, home  # noqa: F401  (home registers "Your panels" and the member's part)
        from .scoring import reports  # noqa: F401
        from .scoring import rules as scoring_rules  # noqa: F401

        from commissioning.specifications.services import CRITERIA_LOCKS

        from .rules import memberships_read
        from .selectors import bids_in_reason, consortium_evidence_sentence

        CRITERIA_LOCKS.append(bids_in_reason)

        # Consortia of providers bidding together are evidence of supporting providers to work together.
        register_step_evidence(StepEvidence("providers_together", consortium_evidence_sentence, "commissioning:programme_list"))

        from commissioning.models import ActivityKind, Phase

        # A panel, with its shortlisting, is how the group chooses who provides the service.
        register_activity_kind(ActivityKind.PROCUREMENT_PANEL, phase=Phase.DO, stage_name="Choose who provides it")
        register_section(ProgrammeSection("Panels", "panels:panel_list", 70, permission="panels.view_panel_list"))
        register_activity_link(
            "panel",
            lambda panel: reverse("panels:panel_detail", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk}),
            permission="panels.view_panel", prepare=memberships_read,
        )
        register_decision_link(DecisionLink(
            "panels", "Procurement panel that recommended it",
            lambda panel: reverse("panels:totals", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk}),
            "panels.view_totals", prepare=memberships_read,
        ))
