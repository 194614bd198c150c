from django.apps import AppConfig


class BudgetingConfig(AppConfig):
    name = "commissioning.budgeting"
    label = "budgeting"
    verbose_name = "Participatory budgeting"

    def ready(self) -> None:
        from commissioning.models import ActivityKind, Phase
        from commissioning.sections import register_activity_kind

        # A budgeting round is how the group decides where the money goes.
        register_activity_kind(ActivityKind.PARTICIPATORY_BUDGETING, phase=Phase.PLAN, stage_name="Decide where the money goes")
        from django.urls import reverse

        from commissioning.sections import (
            DecisionLink,
            ProgrammeSection,
            register_activity_link,
            register_decision_link,
            register_section,
        )

        from . import home, reports  # noqa: F401  (register the home panel, the paper ballot and idea card PDFs)

        # A public programme's rounds are open to residents, so the tab follows the summary.
        register_section(ProgrammeSection("Budgeting", "budgeting:round_list", 30, "commissioning.view_programme_summary"))
        register_activity_link(
            "pb_round",
            lambda round_: reverse("budgeting:round_detail", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk}),
            permission="budgeting.view_round",
        )
        register_decision_link(DecisionLink(
            "pb_proposals", "Ideas funded by participatory budgeting",
            lambda proposal: reverse("budgeting:proposal_detail", kwargs={
                "programme_id": proposal.round.programme_id, "round_id": proposal.round_id, "proposal_id": proposal.pk,
            }),
            "budgeting.view_round", select_related=("round",), permission_object=lambda proposal: proposal.round,
        ))
