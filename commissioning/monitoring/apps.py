from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "commissioning.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring and review"

    def ready(self) -> None:
        from commissioning.reminders import register_day_before_reminder

        from . import notices

        register_day_before_reminder("monitoring_meetings", events_on=notices.meetings_on, send=lambda meeting: notices.reminder_send(meeting=meeting))
        from django.urls import reverse

        from commissioning.sections import (
            ProgrammeSection,
            register_activity_kind,
            register_activity_link,
            register_section,
        )

        from . import home, parts, reports, rules  # noqa: F401  (registers the home panels, the member's part, the papers PDF and the permissions)

        from commissioning.models import ActivityKind, Phase

        for kind in (ActivityKind.MONITORING_MEETING, ActivityKind.QUALITY_VISIT):
            register_activity_kind(kind, phase=Phase.DO, stage_name="Deliver and monitor together")
        register_section(ProgrammeSection("Monitoring", "monitoring:contract_list", 77, permission="monitoring.view_contract_list"))
        register_section(ProgrammeSection("Quality", "monitoring:framework_list", 78, permission="monitoring.view_framework"))
        register_activity_link("monitoring_meeting", lambda meeting: reverse("monitoring:meeting_detail", kwargs={
            "programme_id": meeting.activity.programme_id, "contract_id": meeting.contract_id, "meeting_id": meeting.pk,
        }), permission="monitoring.view_meeting")
        register_activity_link("quality_visit", lambda visit: reverse("monitoring:visit_detail", kwargs={
            "programme_id": visit.activity.programme_id, "contract_id": visit.contract_id, "visit_id": visit.pk,
        }), permission="monitoring.view_visit", joins=("contract",))
