"""A person's own monitoring meetings and quality visits, whatever their role: "Your meetings"
and "Your quality visits" on their home page, and their part on the programme's overview.
One query each, however many meetings and visits there are."""

from django.urls import reverse
from django.utils import timezone

from commissioning.sections import YourPart, register_your_part
from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .models import MeetingMember, QualityVisit

PANEL_SIZE = 5


def _meeting_url(meeting) -> str:
    return reverse("monitoring:meeting_detail", kwargs={
        "programme_id": meeting.contract.programme_id, "contract_id": meeting.contract_id, "meeting_id": meeting.pk,
    })


def _visit_url(visit) -> str:
    return reverse("monitoring:visit_detail", kwargs={
        "programme_id": visit.contract.programme_id, "contract_id": visit.contract_id, "visit_id": visit.pk,
    })


def _upcoming_meetings(user: User):
    return (
        MeetingMember.objects.filter(user=user, meeting__date__gte=timezone.localdate())
        .select_related("meeting__contract__programme").order_by("meeting__date", "meeting__starts_at", "meeting__pk")
    )


def _visits_to_do(user: User):
    return (
        QualityVisit.objects.filter(assessors=user, status=QualityVisit.Status.ASSIGNED)
        .select_related("contract__programme").order_by("planned_on", "pk")
    )


def _meetings_panel(user: User) -> dict:
    found = list(_upcoming_meetings(user)[: PANEL_SIZE + 1])
    return {"meetings": [(member.meeting, _meeting_url(member.meeting)) for member in found[:PANEL_SIZE]], "more": len(found) > PANEL_SIZE}


def _visits_panel(user: User) -> dict:
    found = list(_visits_to_do(user)[: PANEL_SIZE + 1])
    return {"visits": [(visit, _visit_url(visit)) for visit in found[:PANEL_SIZE]], "more": len(found) > PANEL_SIZE}


def _meeting_parts(user: User, programme) -> list[YourPart]:
    return [
        YourPart(f"You are a member of the monitoring meeting “{member.meeting}” on {member.meeting.date:%-d %B %Y}",
                 _meeting_url(member.meeting), "Read the papers before the meeting" if member.papers_sent_at else "")
        for member in _upcoming_meetings(user).filter(meeting__contract__programme=programme)
    ]


def _visit_parts(user: User, programme) -> list[YourPart]:
    return [
        YourPart(f"You are on the quality visit to {visit.contract.service_name}, planned for {visit.planned_on:%-d %B %Y}",
                 _visit_url(visit), "Make the visit and send your report")
        for visit in _visits_to_do(user).filter(contract__programme=programme)
    ]


register_home_panel(roles=list(Role), template="monitoring/partials/_home_meetings.html", context=_meetings_panel, order=33)
register_home_panel(roles=list(Role), template="monitoring/partials/_home_visits.html", context=_visits_panel, order=34)
register_your_part(_meeting_parts)
register_your_part(_visit_parts)
