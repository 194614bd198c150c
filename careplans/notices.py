"""What care plans tell people: a plan agreed or changed, a review coming up, a review overdue.

Messages say what happened and what to do next, and link to the service: never any plan
content, and no name of the person the plan is about, because an email can be read by anyone
who sees the inbox. The reader signs in to see who and what.

Who hears about a plan is decided by the plan's own rule (careplans.view_plan): the person, if
they have an account, and every representative whose access stands. Consent withdrawn (or a
best-interests or legal basis ended) is recorded as withdrawn_on, and with it the messages stop.
Representatives on a best-interests or legal-authority basis hear too: they may see the plan,
and they are the ones who take part in the review for the person.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from coproduction.accounts.models import Role, TeamMembership, User
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import CarePlan, Review
from coproduction.people.models import Person, Representative


def _long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _in_days(day: datetime.date, today: datetime.date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"


def plan_readers(people: Iterable[Person]) -> dict[int, tuple[User | None, list[User]]]:
    """For each person: their own account and their representatives' accounts, each only if
    the careplans.view_plan rule lets them see the plan, so who hears is decided in one place.
    One query for the candidates, then the rule's own (one per representative account)."""
    people = list(people)
    candidates = (
        Representative.objects.filter(person__in=people, user__isnull=False).select_related("user").order_by("person_id", "name", "id")
    )
    by_person: dict[int, dict[int, User]] = defaultdict(dict)
    users: dict[int, User] = {}
    for representative in candidates:
        # One object per account, so the rule's per-user cache serves all the people they represent.
        user = users.setdefault(representative.user_id, representative.user)
        by_person[representative.person_id][user.pk] = user
    readers = {}
    for person in people:
        own = person.user if person.user_id and person.user.has_perm("careplans.view_plan", person) else None
        reps = [
            user for user in by_person[person.pk].values()
            if user.pk != person.user_id and user.has_perm("careplans.view_plan", person)
        ]
        readers[person.pk] = (own, reps)
    return readers


# --- A plan agreed or changed --------------------------------------------------------------


def plan_agreed(*, plan: CarePlan) -> int:
    """Tell the person and their representatives that a version of their plan was agreed.
    Called inside the agreeing transaction: the messages go only if it commits."""
    person = Person.objects.select_related("user").get(pk=plan.person_id)
    own, reps = plan_readers([person])[person.pk]
    if plan.version > 1 and plan.based_on_id:
        older = CarePlan.objects.filter(pk=plan.based_on_id).values_list("version", flat=True).first() or plan.version - 1
        link = reverse("careplans:plan_versions", kwargs={"person_id": person.pk}) + f"?from={older}&to={plan.version}"
        subject, what = "Your plan has changed", "has changed"
        next_step = "Sign in to see what changed. If something is not right, talk to your practitioner."
    else:
        link = reverse("careplans:plan_detail", kwargs={"person_id": person.pk})
        subject, what = "Your plan has been agreed", "has been agreed"
        next_step = "Sign in to see it. If something is not right, talk to your practitioner."
    key = f"plan-agreed:{plan.pk}"
    sent = 0
    if own is not None:
        sent += notify(
            recipients=own, topic=Topic.PLAN_CHANGED, subject=subject, link=link, key=key,
            body=f"Your care and support plan {what}. {next_step}",
        )
    if reps:
        sent += notify(
            recipients=reps, topic=Topic.PLAN_CHANGED, subject=f"A plan you help with {what}", link=link, key=key,
            body=(
                f"The care and support plan of someone you support {what}. "
                f"{next_step.replace('your practitioner', 'their practitioner')}"
            ),
        )
    return sent


# --- Reviews coming up and overdue ---------------------------------------------------------


def plans_with_review_due(*, on_or_before: datetime.date) -> QuerySet[CarePlan]:
    """Agreed plans whose review is due by this date and has not been held: no review of this
    version is under way, and none decided to change the plan (the new version, when agreed,
    sets the next date). Continuing moves review_due on; closing clears it."""
    held = Review.objects.filter(plan=OuterRef("pk")).filter(Q(finished_at__isnull=True) | Q(decision=Review.Decision.CHANGE))
    return (
        CarePlan.objects.filter(status=CarePlan.Status.AGREED, review_due__isnull=False, review_due__lte=on_or_before)
        .exclude(Exists(held))
        .select_related("person__user", "person__practitioner", "person__team")
        .order_by("review_due", "pk")
    )


def _team_managers(team_ids) -> dict[int, list[User]]:
    managers: dict[int, list[User]] = defaultdict(list)
    memberships = TeamMembership.objects.filter(
        team_id__in=team_ids, is_manager=True, user__is_active=True, user__roles__contains=[Role.TEAM_MANAGER.value]
    ).select_related("user")
    for membership in memberships.order_by("team_id", "user__full_name", "user_id"):
        managers[membership.team_id].append(membership.user)
    return managers


def _tell_practitioner_due(plan: CarePlan, today: datetime.date) -> int:
    practitioner = plan.person.practitioner
    if practitioner is None:
        return 0  # not allocated: the overdue message to the team's managers covers it
    due = plan.review_due
    return notify(
        recipients=practitioner, topic=Topic.REVIEW_DUE, key=f"review-due-practitioner:{plan.pk}:{due.isoformat()}",
        subject=f"A plan review is due on {_long_date(due)}",
        body=(
            f"A care and support plan review for someone on your caseload is due {_in_days(due, today)}, "
            f"on {_long_date(due)}. Sign in to see whose it is and arrange it with them."
        ),
        link=reverse("careplans:plan_detail", kwargs={"person_id": plan.person_id}),
    )


def _tell_person_due(plan: CarePlan, own: User | None, reps: list[User]) -> int:
    due = plan.review_due
    key = f"review-due-person:{plan.pk}:{due.isoformat()}"
    link = reverse("careplans:plan_detail", kwargs={"person_id": plan.person_id})
    sent = 0
    if own is not None:
        sent += notify(
            recipients=own, topic=Topic.REVIEW_DUE, key=key, link=link,
            subject="Your plan review is coming up",
            body=(
                f"Your care and support plan is due to be reviewed by {_long_date(due)}. Your practitioner will "
                "get in touch to arrange it. You can sign in to look at your plan and think about what is "
                "working and what is not."
            ),
        )
    if reps:
        sent += notify(
            recipients=reps, topic=Topic.REVIEW_DUE, key=key, link=link,
            subject="A plan review is coming up",
            body=(
                f"The care and support plan of someone you support is due to be reviewed by {_long_date(due)}. "
                "Their practitioner will get in touch to arrange it. Sign in to see the plan."
            ),
        )
    return sent


def _tell_overdue(plan: CarePlan, managers: list[User]) -> int:
    due = plan.review_due
    recipients = [user for user in [plan.person.practitioner, *managers] if user is not None]
    if not recipients:
        return 0
    return notify(
        recipients=list({user.pk: user for user in recipients}.values()),
        topic=Topic.REVIEW_OVERDUE, key=f"review-overdue:{plan.pk}:{due.isoformat()}",
        subject="A plan review is overdue",
        body=(
            f"A care and support plan review in {plan.person.team.name} was due on {_long_date(due)} and has "
            "not been held. Sign in to see whose it is and arrange it as soon as you can."
        ),
        link=reverse("careplans:plan_detail", kwargs={"person_id": plan.person_id}),
    )


def review_reminders(*, today: datetime.date | None = None) -> int:
    """Send the day's review reminders; returns the number of messages created.

    Windows, not single days, so a day the task did not run is caught up the next: a plan
    is told once per review date (the message key holds the date), whenever it first falls
    inside a window. A new review date (after a review, or a new version) is a new reminder.
    - due within REVIEW_DUE_PRACTITIONER_DAYS: the practitioner;
    - due within REVIEW_DUE_PERSON_DAYS: the person and their representatives;
    - due before today: the practitioner and the team's managers.
    Three queries to choose the plans and find the managers, whatever the number of plans;
    then, per plan told, the rule's check of each representative and the messages themselves.
    """
    today = today or timezone.localdate()
    practitioner_by = today + datetime.timedelta(days=settings.REVIEW_DUE_PRACTITIONER_DAYS)
    person_by = today + datetime.timedelta(days=settings.REVIEW_DUE_PERSON_DAYS)
    plans = list(plans_with_review_due(on_or_before=max(practitioner_by, person_by)))
    overdue = [plan for plan in plans if plan.review_due < today]
    coming = [plan for plan in plans if plan.review_due >= today]
    for_person = [plan for plan in coming if plan.review_due <= person_by]
    readers = plan_readers(plan.person for plan in for_person) if for_person else {}
    managers = _team_managers({plan.person.team_id for plan in overdue}) if overdue else {}
    sent = 0
    for plan in coming:
        if plan.review_due <= practitioner_by:
            sent += _tell_practitioner_due(plan, today)
    for plan in for_person:
        sent += _tell_person_due(plan, *readers[plan.person_id])
    for plan in overdue:
        sent += _tell_overdue(plan, managers.get(plan.person.team_id, []))
    return sent
