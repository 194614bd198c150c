from django.apps import AppConfig


class BoardsConfig(AppConfig):
    name = "commissioning.boards"
    label = "boards"
    verbose_name = "Lived experience at decision-making boards"

    def ready(self) -> None:
        from django.urls import reverse

        from commissioning.involvement.spectrum import StepEvidence, register_step_evidence
        from commissioning.sections import DecisionLink, register_decision_link

        from . import home, rules, selectors  # noqa: F401  (home and rules register the home panel and the permissions)

        register_decision_link(DecisionLink(
            "board_decisions", "Taken at a board meeting",
            lambda record: reverse("boards:meeting_detail", kwargs={"board_id": record.meeting.board_id, "meeting_id": record.meeting_id}),
            "boards.view_board", select_related=("meeting__board",), permission_object=lambda record: record.meeting.board,
        ))
        # Lived experience at decision-making boards is part of working with people throughout commissioning.
        register_step_evidence(StepEvidence("whole_process", selectors.evidence_sentence, "boards:board_list"))
