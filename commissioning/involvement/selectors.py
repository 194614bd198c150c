"""Reads for involvement profiles and the reach figures. The ledger's reads are in
ledger/selectors.py."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from commissioning.models import Activity, ActivityKind, GroupMember

from .models import (
    EQUALITY_QUESTIONS,
    ActivityMode,
    DocumentFormat,
    InvolvementProfile,
    LocalPopulationFigure,
    Participation,
    PeerResearcher,
    describe_access_needs,
)


def preferred_formats(user_ids: Iterable[int]) -> dict[int, str]:
    """Each person's preferred document format, in one query; "standard" without a profile."""
    user_ids = list(user_ids)
    found = dict(
        InvolvementProfile.objects.filter(user_id__in=user_ids).values_list("user_id", "preferred_format")
    )
    return {uid: found.get(uid, DocumentFormat.STANDARD.value) for uid in user_ids}


def access_needs_for(user_ids: Iterable[int]) -> dict[int, list[str]]:
    """Each person's access and communication needs in plain English, in one query. Only the
    fields an organiser may see are read: never contact details, recognition or equality answers.
    People without a profile (or with no needs) get an empty list."""
    user_ids = list(user_ids)
    rows = InvolvementProfile.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "preferred_format", "access_needs", "interpreter_language", "other_access_needs"
    )
    found = {
        uid: describe_access_needs(
            preferred_format=fmt, access_needs=needs, interpreter_language=language, other_access_needs=other
        )
        for uid, fmt, needs, language, other in rows
    }
    return {uid: found.get(uid, []) for uid in user_ids}


def profile_for(*, user) -> InvolvementProfile | None:
    return InvolvementProfile.objects.filter(user=user).first()


# ---- Reach: who took part ------------------------------------------------------------------
# Every figure is one aggregate query whatever the number of people. The day someone took part
# is the activity's date when it has one (it may be moved after they were added).

TOOK_PART_ON = Coalesce("activity__happened_on", "took_part_on")


def financial_year_start(day: date) -> date:
    """Councils count years from 1 April."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def _snapshots(programme):
    snapshots = Participation.objects.order_by()
    return snapshots.filter(programme=programme) if programme is not None else snapshots


def reach_summary(*, programme=None, start: date, end: date) -> dict:
    """People who took part in the year [start, end), how many for the first time anywhere in the
    council, and everyone who ever took part. One query."""
    in_year = Q(took_on__gte=start, took_on__lt=end)
    earlier = Participation.objects.filter(user_id=OuterRef("user_id")).annotate(took_on=TOOK_PART_ON).filter(took_on__lt=start)
    totals = _snapshots(programme).annotate(took_on=TOOK_PART_ON).aggregate(
        people_ever=Count("user_id", distinct=True),
        people=Count("user_id", distinct=True, filter=in_year),
        first_time=Count("user_id", distinct=True, filter=in_year & ~Q(Exists(earlier))),
        activities=Count("activity_id", distinct=True, filter=in_year),
    )
    return totals


def others_taking_part(*, programme=None, start: date, end: date) -> int:
    """People who took part without being group members (residents at a vote, a focus group)."""
    activities = Activity.objects.filter(happened_on__gte=start, happened_on__lt=end)
    if programme is not None:
        activities = activities.filter(programme=programme)
    return activities.aggregate(total=Sum("others_taking_part"))["total"] or 0


def reach_by_mode(*, programme=None, start: date, end: date) -> list[dict]:
    """People and activities per way of reaching people, every mode listed (0 when none). One query."""
    rows = {
        row["mode"]: row
        for row in _snapshots(programme).annotate(took_on=TOOK_PART_ON).filter(took_on__gte=start, took_on__lt=end)
        .values("mode").annotate(people=Count("user_id", distinct=True), activities=Count("activity_id", distinct=True))
    }
    return [
        {"mode": mode.label, "people": rows.get(mode.value, {}).get("people", 0),
         "activities": rows.get(mode.value, {}).get("activities", 0)}
        for mode in ActivityMode
    ]


def equality_counts(*, programme=None, start: date, end: date) -> dict[str, dict[str, int]]:
    """For each equality question, how many people gave each answer ("" = not answered), counting
    each person once, by the answers they had when they last took part in the year. One query."""
    latest = (
        _snapshots(programme).annotate(took_on=TOOK_PART_ON).filter(took_on__gte=start, took_on__lt=end)
        .order_by("user_id", "-took_on", "-pk").distinct("user_id").values("pk")
    )
    columns = {}
    for field, _question, _short, choices in EQUALITY_QUESTIONS:
        for value in ["", *choices.values]:
            columns[f"{field}__{value or 'none'}"] = Count("pk", filter=Q(**{field: value}))
    row = Participation.objects.filter(pk__in=latest).aggregate(**columns)
    return {
        field: {value: row[f"{field}__{value or 'none'}"] for value in ["", *choices.values]}
        for field, _question, _short, choices in EQUALITY_QUESTIONS
    }


# Age bands by date of birth, matching AgeBand: (value, youngest age, oldest age or None).
AGE_BAND_LIMITS = [
    ("under_18", 0, 17), ("18_24", 18, 24), ("25_34", 25, 34), ("35_49", 35, 49),
    ("50_64", 50, 64), ("65_74", 65, 74), ("75_84", 75, 84), ("85_plus", 85, None),
]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def care_and_support_ages(*, on: date) -> dict[str, int]:
    """How many people who draw on care and support are in each age band on a day, from the
    care records' dates of birth ("" = not recorded). One query; nobody is named."""
    from coproduction.people.models import Person

    columns = {"none": Count("pk", filter=Q(date_of_birth__isnull=True))}
    for value, youngest, oldest in AGE_BAND_LIMITS:
        # Aged at least `youngest`: born on or before the day `youngest` years ago.
        condition = Q(date_of_birth__lte=_years_before(on, youngest))
        if oldest is not None:
            condition &= Q(date_of_birth__gt=_years_before(on, oldest + 1))
        columns[value] = Count("pk", filter=condition)
    row = Person.objects.order_by().aggregate(**columns)
    return {("" if key == "none" else key): count for key, count in row.items()}


def population_figures() -> dict[str, dict[str, int]]:
    """The local population figures the council entered, by question then answer. One query."""
    figures: dict[str, dict[str, int]] = {}
    for question, answer, people in LocalPopulationFigure.objects.values_list("question", "answer", "people"):
        figures.setdefault(question, {})[answer] = people
    return figures


def population_sources() -> dict[str, str]:
    return dict(LocalPopulationFigure.objects.exclude(source="").values_list("question", "source").distinct())


def population_figures_for(*, question: str) -> list[LocalPopulationFigure]:
    """The figures entered for one equality question, to fill its form."""
    return list(LocalPopulationFigure.objects.filter(question=question))


# ---- Peer researchers ----------------------------------------------------------------------


def peer_researchers_for(*, programme) -> list[PeerResearcher]:
    """The programme's peer researchers, each with `interviews`: the peer research activities they
    took part in, newest first. Two queries."""
    researchers = list(
        PeerResearcher.objects.filter(programme=programme).select_related("member__user")
        .order_by("member__user__full_name", "pk")
    )
    interviews = (
        Activity.objects.filter(programme=programme, kind=ActivityKind.PEER_RESEARCH,
                                participants__in=[researcher.member_id for researcher in researchers])
        .annotate(member_id=F("participants")).order_by(F("happened_on").desc(nulls_first=True), "pk")
    )
    by_member: dict[int, list] = {}
    for interview in interviews:
        by_member.setdefault(interview.member_id, []).append(interview)
    for researcher in researchers:
        researcher.interviews = by_member.get(researcher.member_id, [])
    return researchers


def members_who_could_research(*, programme) -> QuerySet[GroupMember]:
    """Current members of the programme's group who are not yet its peer researchers, by name."""
    return (
        GroupMember.objects.filter(programme=programme, left_on__isnull=True).select_related("user")
        .exclude(pk__in=programme.peer_researchers.values("member_id")).order_by("user__full_name", "pk")
    )


def peer_researcher_or_404(*, programme, researcher_id: int) -> PeerResearcher:
    return get_object_or_404(PeerResearcher.objects.select_related("member__user", "programme"), programme=programme, pk=researcher_id)


# ---- What organisers may see about the people taking part ----------------------------------


def activity_or_404(*, programme, activity_id: int) -> Activity:
    return get_object_or_404(Activity.objects.filter(programme=programme), pk=activity_id)


def participants_access_needs(*, activity) -> list[tuple[str, list[str], int]]:
    """(name, needs, user id) for each person taking part in an activity. Two queries."""
    members = list(activity.participants.select_related("user").order_by("user__full_name", "pk"))
    needs = access_needs_for(member.user_id for member in members)
    return [(member.user.display_name, needs[member.user_id], member.user_id) for member in members]
