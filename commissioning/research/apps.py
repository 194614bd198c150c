from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "commissioning.research"
    label = "research"
    verbose_name = "Peer research"

    def ready(self) -> None:
        from commissioning.models import ActivityKind, Phase
        from commissioning.sections import register_activity_kind

        # Peer research finds out what matters before the service is designed.
        register_activity_kind(ActivityKind.PEER_RESEARCH, phase=Phase.PLAN, stage_name="Find out what matters locally")
        from django.urls import reverse

        from commissioning.involvement.spectrum import StepEvidence, register_step_evidence
        from commissioning.sections import ProgrammeSection, activity_programme, register_activity_link, register_section, register_section_evidence

        from . import reports, rules, selectors  # noqa: F401  (reports and rules register the findings PDF and the permissions)

        register_section(ProgrammeSection("Peer research", "research:project_list", 76, permission="research.view_research", phase="plan"))
        register_activity_link("research_project", lambda project: reverse("research:project_detail", kwargs={
            "programme_id": project.programme_id, "project_id": project.pk}),
            permission="research.view_research", permission_object=activity_programme)
        register_section_evidence(selectors.section_findings)
        # Findings go on the Working Together for Change theming board beside review statements,
        # and priorities name the findings they rest on.
        from commissioning.sections import PagePanel, register_page_panel

        register_page_panel(PagePanel("wtfc_board", "research/partials/_board_findings.html", selectors.board_findings))
        register_page_panel(PagePanel("priority", "research/partials/_priority_findings.html", selectors.priority_panel))
        register_step_evidence(StepEvidence("peer_researchers", selectors.evidence_sentence, "commissioning:programme_list"))
