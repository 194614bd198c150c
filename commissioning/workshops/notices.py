"""What invited people hear about a workshop: the invitation (when, where, what is offered so
everyone can take part and how to tell the organiser what they need) and a reminder the day
before. Messages say only what the invitee needs; a meeting link or phone number stays on the
reply page, behind sign-in."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import Invitation, Workshop


def long_date(value: date) -> str:
    return f"{value:%A %-d %B %Y}"


def _reply_link(workshop: Workshop) -> str:
    return reverse("workshops:reply", kwargs={"programme_id": workshop.programme_id, "workshop_id": workshop.pk})


def _where(workshop: Workshop) -> str:
    if workshop.is_online:
        return "Online. How to join is on the invitation page when you sign in."
    return " ".join(workshop.place.split()) or "The organiser will tell you."


def _offered(workshop: Workshop) -> str:
    offered = [f"- {label}" for label in workshop.arrangement_labels()]
    other = " ".join(workshop.other_arrangements.split())
    if other:
        offered.append(f"- {other}")
    if not offered:
        return "What is offered so everyone can take part: ask the organiser."
    return "\n".join(["What is offered so everyone can take part:", *offered])


def _details(workshop: Workshop) -> list[str]:
    return [
        f"When: {long_date(workshop.date)}, {workshop.times}.",
        f"Where: {_where(workshop)}",
        _offered(workshop),
    ]


def invitation_body(workshop: Workshop) -> str:
    return "\n\n".join([
        f"You are invited to a {workshop.get_kind_display().lower()}: {workshop.title}.",
        *_details(workshop),
        "If you need anything else to take part, such as an interpreter, large print, a quiet space or a support "
        "worker coming too, tell the organiser when you reply: sign in, open the invitation and choose what you "
        "need. You can change your reply and what you need up to the day. What you need stays between you and "
        "the organisers.",
        "Please reply to say whether you can come.",
    ])


def invitations_sent(*, workshop: Workshop) -> int:
    """Each current group member invited hears once: inviting more people later tells only them.
    Invitations recorded for an event that has happened tell nobody."""
    if workshop.date < timezone.localdate():
        return 0
    users = [
        invitation.member.user
        for invitation in Invitation.objects.filter(workshop=workshop, member__left_on__isnull=True).select_related("member__user")
    ]
    return notify(
        recipients=users,
        topic=Topic.INVITATION,
        subject=f"Invitation: {workshop.title} on {workshop.date:%-d %B}",
        body=invitation_body(workshop),
        link=_reply_link(workshop),
        key=f"workshop-invite:{workshop.pk}",
    )


def reminder_recipients(workshop: Workshop) -> list:
    """Everyone invited who has not said they cannot come, while they are still in the group."""
    return [invitation.member.user for invitation in workshop.upcoming_invitations]


def reminder_send(*, workshop: Workshop) -> int:
    """The day-before reminder. The key carries the date, so a workshop moved to another day
    is reminded about again, and a second run on the same day sends nothing."""
    return notify(
        recipients=reminder_recipients(workshop),
        topic=Topic.REMINDER,
        subject=f"Reminder: {workshop.title} is tomorrow",
        body="\n\n".join([
            f"This is a reminder that {workshop.title} is tomorrow.",
            *_details(workshop),
            "If you can no longer come, or you need something else to take part, sign in and change your reply.",
        ]),
        link=_reply_link(workshop),
        key=f"workshop-reminder:{workshop.pk}:{workshop.date:%Y-%m-%d}",
    )


def workshops_on(day: date):
    """The workshops on a day, each with its invitations to remind in one more query."""
    from django.db.models import Prefetch

    invitations = (
        Invitation.objects.filter(member__left_on__isnull=True)
        .exclude(reply=Invitation.Reply.NOT_COMING)
        .select_related("member__user")
        .order_by("pk")
    )
    return Workshop.objects.filter(date=day).prefetch_related(
        Prefetch("invitations", queryset=invitations, to_attr="upcoming_invitations")
    ).order_by("pk")
