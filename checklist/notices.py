"""What the checklist tells people: a survey round is open and their checklist is ready to fill in.

The message names no one and carries no answers: it says a checklist is ready, by when,
and links straight to the page where they start it (after signing in).
"""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import Person
from coproduction.accounts.models import Role, User
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import Checklist, Statement, SurveyRound

# A round that opened while the daily task was not running is still announced this long after.
CATCH_UP_DAYS = 7


def _long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def round_invitees(*, survey_round: SurveyRound):
    """People the round asks, with an account that can answer, who have not answered it yet."""
    answered = Checklist.objects.filter(
        survey_round=survey_round, person=OuterRef("person_record"), submitted_at__isnull=False, part=Statement.Part.PLANNING
    )
    people = Person.objects.filter(user__isnull=False)
    if survey_round.team_id:
        people = people.filter(team_id=survey_round.team_id)
    return (
        User.objects.filter(Q(person_record__in=people), is_active=True, roles__contains=[Role.PERSON.value])
        .exclude(Exists(answered))
        .order_by("pk")
    )


def round_opened(*, survey_round: SurveyRound, today: datetime.date | None = None) -> int:
    """Tell each person the round asks that their checklist is ready, once the round is open.
    A round opening on a later day is announced by the daily task on that day."""
    today = today or timezone.localdate()
    if not survey_round.is_open(today):
        return 0
    return notify(
        recipients=round_invitees(survey_round=survey_round),
        topic=Topic.CHECKLIST,
        key=f"checklist-round:{survey_round.pk}",
        subject="A checklist is ready for you to fill in",
        body=(
            "We would like to know how planning your care and support is going for you. "
            f"Please fill in a short checklist by {_long_date(survey_round.closes_on)}. "
            "You can stop and carry on later, and someone you trust can help you."
        ),
        link=reverse("checklist:start"),
    )


def rounds_opened_daily(*, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    rounds = SurveyRound.objects.filter(
        opens_on__lte=today, opens_on__gte=today - datetime.timedelta(days=CATCH_UP_DAYS), closes_on__gte=today
    ).order_by("opens_on", "pk")
    return sum(round_opened(survey_round=survey_round, today=today) for survey_round in rounds)
