from django.apps import AppConfig


class WorkshopsConfig(AppConfig):
    name = "commissioning.workshops"
    label = "workshops"
    verbose_name = "Workshops and events"

    def ready(self) -> None:
        from commissioning.reminders import register_day_before_reminder

        from . import notices

        register_day_before_reminder("workshops", events_on=notices.workshops_on, send=lambda workshop: notices.reminder_send(workshop=workshop))
        from django.urls import reverse

        from commissioning.sections import (
            ProgrammeSection,
            register_activity_kind,
            register_activity_link,
            register_section,
        )

        from . import home  # noqa: F401  (registers the home-page panel)

        from commissioning.models import ActivityKind, Phase

        # A design workshop is where the group designs the service; other kinds of event
        # (a focus group, a community conversation) go in the stage the organiser chooses.
        register_activity_kind(ActivityKind.WORKSHOP, phase=Phase.PLAN, stage_name="Design the service together")
        register_section(ProgrammeSection("Workshops", "workshops:workshop_list", 40))
        register_activity_link(
            "workshop",
            lambda workshop: reverse(
                "workshops:workshop_detail", kwargs={"programme_id": workshop.programme_id, "workshop_id": workshop.pk}
            ),
            permission="workshops.view_workshop",
        )
