"""What the members of a monitoring meeting hear: that they are invited (when, where, and how
to tell the organiser what they need), that their papers are ready in the format they asked
for, and a reminder the day before. Nothing about the service's figures or anyone's care."""

import hashlib
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from commissioning.involvement.formats import FORMAT_WORDS, papers_link
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import MeetingMember, MonitoringMeeting


def long_date(value: date) -> str:
    return f"{value:%A %-d %B %Y}"


def _clock(value) -> str:
    from commissioning.workshops.models import clock

    return clock(value)


def _meeting_link(meeting: MonitoringMeeting) -> str:
    contract = meeting.contract
    return reverse("monitoring:meeting_detail", kwargs={
        "programme_id": contract.programme_id, "contract_id": contract.pk, "meeting_id": meeting.pk,
    })


def _papers_link(meeting: MonitoringMeeting, papers_format: str) -> str:
    contract = meeting.contract
    return papers_link(reverse("monitoring:papers_pack", kwargs={
        "programme_id": contract.programme_id, "contract_id": contract.pk, "meeting_id": meeting.pk,
    }), papers_format)


def _details(meeting: MonitoringMeeting) -> list[str]:
    return [
        f"When: {long_date(meeting.date)}, starting at {_clock(meeting.starts_at)}.",
        f"Where: {' '.join(meeting.place.split())}",
    ]


HOW_TO_TELL = (
    "You get the papers in the format you asked for: standard print, large print or Easy Read. If you need "
    "anything to take part, such as step-free access, a hearing loop, an interpreter, breaks or help with travel, "
    "tell the organiser: sign in and add it to your involvement profile (under \u201cWhat you need to take part\u201d), "
    "which the organiser sees, or reply to the person who invited you."
)


def member_invited(*, member: MeetingMember, by) -> int:
    """The person added to the meeting hears once; the person adding themselves does not, and
    nobody is invited to a meeting that has happened (members are added then to record it)."""
    if member.user_id == getattr(by, "pk", None):
        return 0
    meeting = MonitoringMeeting.objects.select_related("contract__provider").get(pk=member.meeting_id)
    if meeting.date < timezone.localdate():
        return 0
    return notify(
        recipients=member.user,
        topic=Topic.INVITATION,
        subject=f"Invitation: monitoring meeting on {meeting.date:%-d %B}",
        body="\n\n".join([
            f"You are invited to the monitoring meeting \u201c{meeting.title}\u201d, where people who use "
            f"{meeting.contract.service_name} meet the provider and commissioners to check how it is going.",
            *_details(meeting),
            HOW_TO_TELL,
        ]),
        link=_meeting_link(meeting),
        key=f"monitoring-invite:{member.pk}",
    )


def papers_sent(*, meeting: MonitoringMeeting, members: list[MeetingMember]) -> int:
    """Each member hears that their papers are ready, in their own format, with a link that
    opens the papers in that format."""
    meeting = MonitoringMeeting.objects.select_related("contract").get(pk=meeting.pk)
    by_format: dict[str, list] = {}
    for member in members:
        by_format.setdefault(member.papers_format or "standard", []).append(member.user_id)
    users = get_user_model().objects.in_bulk([uid for uids in by_format.values() for uid in uids])
    # The same papers sent twice (a second click) tell nobody twice; a paper added or taken
    # out since makes it a new set, and members are told again.
    paper_ids = ",".join(str(pk) for pk in meeting.papers.order_by("pk").values_list("pk", flat=True))
    papers = hashlib.sha256(paper_ids.encode()).hexdigest()[:16]
    created = 0
    for papers_format, user_ids in by_format.items():
        words = FORMAT_WORDS.get(papers_format, "standard print")
        created += notify(
            recipients=[users[uid] for uid in user_ids if uid in users],
            topic=Topic.PAPERS,
            subject=f"Your papers are ready: {meeting.title}",
            body="\n\n".join([
                f"The papers for the monitoring meeting \u201c{meeting.title}\u201d on {long_date(meeting.date)} are ready, "
                f"in {words} as you asked.",
                "Sign in to read them. You can also download them as a PDF to print.",
                "If you need them in another format, change it in your involvement profile and tell the organiser.",
            ]),
            link=_papers_link(meeting, papers_format),
            key=f"monitoring-papers:{meeting.pk}:{papers}",
        )
    return created


def reminder_send(*, meeting: MonitoringMeeting) -> int:
    return notify(
        recipients=[member.user for member in meeting.reminded_members],
        topic=Topic.REMINDER,
        subject=f"Reminder: monitoring meeting tomorrow, {meeting.title}",
        body="\n\n".join([
            f"This is a reminder that the monitoring meeting \u201c{meeting.title}\u201d is tomorrow.",
            *_details(meeting),
            "The papers are on the meeting page when you sign in. If you can no longer come, please tell the organiser.",
        ]),
        link=_meeting_link(meeting),
        key=f"monitoring-reminder:{meeting.pk}:{meeting.date:%Y-%m-%d}",
    )


def meetings_on(day: date):
    """The meetings on a day, each with its members in one more query."""
    members = MeetingMember.objects.select_related("user").order_by("pk")
    return (
        MonitoringMeeting.objects.filter(date=day)
        .select_related("contract")
        .prefetch_related(Prefetch("members", queryset=members, to_attr="reminded_members"))
        .order_by("pk")
    )
