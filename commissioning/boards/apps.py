from django.apps import AppConfig


class BoardsConfig(AppConfig):
    name = "commissioning.boards"
    label = "boards"
    verbose_name = "Lived experience at decision-making boards"

    def ready(self) -> None:
        from django.urls import reverse

        from commissioning.sections import DecisionLink, register_decision_link

        from . import home, rules  # noqa: F401  (registers the home panel and the permissions)

        register_decision_link(DecisionLink(
            "board_decisions", "Taken at a board meeting",
            lambda record: reverse("boards:meeting_detail", kwargs={"board_id": record.meeting.board_id, "meeting_id": record.meeting_id}),
            select_related=("meeting__board",),
        ))
