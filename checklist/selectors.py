"""Reads for the checklist. Every figure is counted in SQL, one query per table or chart, and
any group smaller than CHECKLIST_MIN_GROUP_SIZE is withheld before it reaches a page."""

import datetime
import hashlib
import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, TruncQuarter
from django.utils import timezone

from careplans.models import CarePlan
from coproduction.accounts.models import Role, Team, User
from coproduction.core.practice_statements import PracticeStatement
from coproduction.people.caseload_version import caseload_kept
from coproduction.people.models import Person
from coproduction.core.db_router import reporting_db

from .models import (
    Checklist,
    GapTotal,
    Goal,
    Perspective,
    Rating,
    RatingTotal,
    SharedStory,
    Statement,
    StatementSet,
    SurveyRound,
)

SCORES = (1, 2, 3, 4, 5)


def min_group() -> int:
    return settings.CHECKLIST_MIN_GROUP_SIZE


def statement_set_current() -> StatementSet | None:
    return StatementSet.objects.order_by("-version").first()


def practice_statements_current() -> list[PracticeStatement]:
    """The current planning statements in the platform's shape, for other features to name (one query)."""
    rows = Statement.objects.filter(part=Statement.Part.PLANNING, statement_set=StatementSet.objects.order_by("-version")[:1])
    return [PracticeStatement(row.number, row.wording, row.plain_wording) for row in rows.order_by("number")]


def planning_statements(*, statement_set: StatementSet) -> list[Statement]:
    return list(statement_set.statements.filter(part=Statement.Part.PLANNING).order_by("number"))


def statements_for(*, checklist: Checklist) -> list[Statement]:
    """The statements a checklist asks: the planning ten, or the two about a review."""
    return list(checklist.statement_set.statements.filter(part=checklist.part).order_by("number"))


def statement_sets() -> QuerySet[StatementSet]:
    return StatementSet.objects.select_related("published_by").order_by("-version")


# One checklist and its answers -------------------------------------------------------------


def checklist_for_page() -> QuerySet[Checklist]:
    return Checklist.objects.select_related("person__user", "team", "statement_set", "practitioner", "entered_by", "representative", "review")


def answers_for(*, checklist: Checklist) -> dict[int, Rating]:
    return {rating.statement_id: rating for rating in checklist.ratings.all()}


def drafts_for(*, user: User) -> QuerySet[Checklist]:
    return checklist_for_page().filter(entered_by=user, submitted_at__isnull=True).order_by("-started_at")


def open_rounds_for_person(*, person: Person | None, today=None) -> list[SurveyRound]:
    """Survey rounds open today that invite this person and that they have not answered yet."""
    if person is None:
        return []
    today = today or timezone.localdate()
    answered = Checklist.objects.filter(survey_round=OuterRef("pk"), person=person, submitted_at__isnull=False, part=Statement.Part.PLANNING)
    return list(
        SurveyRound.objects.filter(Q(team__isnull=True) | Q(team_id=person.team_id), opens_on__lte=today, closes_on__gte=today)
        .exclude(Exists(answered))
        .order_by("closes_on")[:3]
    )


# Periods and filters ---------------------------------------------------------------------

PERIODS = {
    "3m": ("The last 3 months", 3),
    "12m": ("The last 12 months", 12),
    "24m": ("The last 2 years", 24),
    "all": ("All time", None),
}


def period_start(period: str, today=None) -> datetime.date | None:
    months = PERIODS.get(period, PERIODS["12m"])[1]
    if months is None:
        return None
    today = today or timezone.localdate()
    # The first day of the quarter `months` back, so the trend never starts with a part-quarter.
    month_index = today.year * 12 + today.month - 1 - months + 1
    year, month = divmod(month_index, 12)
    quarter_month = (month // 3) * 3 + 1
    return datetime.date(year, quarter_month, 1)


# Aggregates -------------------------------------------------------------------------------


def _round(value) -> Decimal | None:
    return None if value is None else Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Cell:
    """The answers to one statement from one perspective: shown only for a big enough group."""

    answered: int = 0  # ratings with a score
    skipped: int = 0  # prefer not to say, or does not apply
    respondents: int = 0  # different checklists that gave a score: the group size that is protected
    average: Decimal | None = None
    distribution: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.answered + self.skipped

    @property
    def suppressed(self) -> bool:
        return self.respondents < min_group()

    @property
    def bars(self) -> list[tuple[int, int, int]]:
        """(score, count, percent of scores) for the distribution chart."""
        return [(score, self.distribution.get(score, 0), round(100 * self.distribution.get(score, 0) / self.answered) if self.answered else 0) for score in SCORES]


@dataclass
class StatementResult:
    statement: Statement
    person: Cell
    practitioner: Cell
    gap: Decimal | None = None  # practitioner minus person, over people rated from both sides
    gap_plans: int = 0

    @property
    def person_and_practitioner(self) -> list[tuple[str, Cell]]:
        return [("People", self.person), ("Practitioners", self.practitioner)]

    @property
    def gap_suppressed(self) -> bool:
        return self.gap_plans < min_group()


def _cell_annotations() -> dict:
    return {
        "answered": Count("id", filter=Q(score__isnull=False)),
        "skipped": Count("id", filter=Q(score__isnull=True)),
        "average": Avg("score"),
        **{f"n{score}": Count("id", filter=Q(score=score)) for score in SCORES},
    }


def cell_from(row: dict | None) -> Cell:
    if not row:
        return Cell()
    return Cell(
        # Raw answers are only ever counted per statement: one per person, so answers are people.
        answered=row["answered"], skipped=row["skipped"], respondents=row["answered"], average=_round(row["average"]),
        distribution={score: row[f"n{score}"] for score in SCORES},
    )


def _totals(*, team_ids, start, statement_id=None) -> QuerySet[RatingTotal]:
    # The planning statements only: answers about reviews are not part of the checklist's totals.
    # Dashboards only read these running totals: a read replica may serve them, if there is one.
    totals = RatingTotal.objects.using(reporting_db()).filter(statement__part=Statement.Part.PLANNING)
    if team_ids is not None:
        totals = totals.filter(team_id__in=list(team_ids))  # values, never a subquery on another database
    if start is not None:
        totals = totals.filter(quarter__gte=start)  # periods start on a quarter's first day
    if statement_id:
        totals = totals.filter(statement_id=statement_id)
    return totals


def _total_annotations() -> dict:
    return {name: Sum(name) for name in ("answered", "skipped", "score_sum", *(f"n{score}" for score in SCORES))}


def cell_from_total(row: dict | None, *, statements: int = 1) -> Cell:
    """A cell from summed totals. Over several statements, each person gave at most one score
    per statement, so answers / statements is the fewest people they can have come from."""
    if not row or not row["answered"]:
        return Cell(skipped=(row or {}).get("skipped") or 0)
    return Cell(
        answered=row["answered"], skipped=row["skipped"], respondents=math.ceil(row["answered"] / statements),
        average=_round(row["score_sum"] / row["answered"]), distribution={score: row[f"n{score}"] for score in SCORES},
    )


def results_by_statement(*, statements: list[Statement], team_ids, start, statement_id=None) -> list[StatementResult]:
    """Distribution and average per statement, person beside practitioner, with the gap: two queries."""
    rows = _totals(team_ids=team_ids, start=start, statement_id=statement_id).values("statement_id", "perspective").annotate(**_total_annotations())
    cells = {(row["statement_id"], row["perspective"]): row for row in rows}
    gaps = perception_gap_by_statement(team_ids=team_ids, start=start)
    return [
        StatementResult(
            statement=statement,
            person=cell_from_total(cells.get((statement.pk, Perspective.PERSON))),
            practitioner=cell_from_total(cells.get((statement.pk, Perspective.PRACTITIONER))),
            gap=gaps.get(statement.pk, (None, 0))[0],
            gap_plans=gaps.get(statement.pk, (None, 0))[1],
        )
        for statement in statements
        if not statement_id or statement.pk == int(statement_id)
    ]


def perception_gap_by_statement(*, team_ids, start) -> dict[int, tuple[Decimal | None, int]]:
    """For people rated from both sides in the same quarter, the average of (practitioner's
    rating - person's rating) per statement: above zero, practitioners think they do better
    than people say."""
    gaps = GapTotal.objects.filter(statement__part=Statement.Part.PLANNING)
    if team_ids is not None:
        gaps = gaps.filter(team_id__in=team_ids)
    if start is not None:
        gaps = gaps.filter(quarter__gte=start)
    return {
        row["statement_id"]: (_round(row["gap_sum"] / row["plans"]) if row["plans"] else None, row["plans"])
        for row in gaps.values("statement_id").annotate(plans=Sum("plans"), gap_sum=Sum("gap_sum"))
    }


@dataclass
class QuarterPoint:
    quarter: datetime.date
    person: Cell
    practitioner: Cell

    @property
    def label(self) -> str:
        return quarter_label(self.quarter)


def quarter_label(quarter: datetime.date) -> str:
    return f"{quarter.year} Q{(quarter.month - 1) // 3 + 1}"


def trend_by_quarter(*, team_ids, start, statement_id=None, statements: int = 10) -> list[QuarterPoint]:
    """The average rating per quarter, person and practitioner: one query."""
    rows = (
        _totals(team_ids=team_ids, start=start, statement_id=statement_id)
        .values("quarter", "perspective")
        .annotate(**_total_annotations())
        .order_by("quarter")
    )
    per_answer = 1 if statement_id else statements
    points: dict[datetime.date, QuarterPoint] = {}
    for row in rows:
        point = points.setdefault(row["quarter"], QuarterPoint(row["quarter"], Cell(), Cell()))
        setattr(point, row["perspective"], cell_from_total(row, statements=per_answer))
    return list(points.values())


@dataclass
class TeamRow:
    team: Team
    person: Cell
    practitioner: Cell
    people: int = 0
    overdue: int = 0


def teams_side_by_side(*, teams: list[Team], start, statement_id=None, statements: int = 10) -> list[TeamRow]:
    """Each team's average rating, person and practitioner (one query), and its caseload (kept
    in the cache until a caseload changes, as `caseload_figures`)."""
    team_ids = [team.pk for team in teams]
    rows = _totals(team_ids=team_ids, start=start, statement_id=statement_id).values("team_id", "perspective").annotate(**_total_annotations())
    cells = {(row["team_id"], row["perspective"]): row for row in rows}
    per_answer = 1 if statement_id else statements
    caseloads = caseload_kept(key=f"checklist:team-caseloads:{_scope(team_ids)}", count=lambda: _team_caseloads_counted(team_ids))
    return [
        TeamRow(
            team=team,
            person=cell_from_total(cells.get((team.pk, Perspective.PERSON)), statements=per_answer),
            practitioner=cell_from_total(cells.get((team.pk, Perspective.PRACTITIONER)), statements=per_answer),
            people=caseloads.get(team.pk, {}).get("people", 0),
            overdue=caseloads.get(team.pk, {}).get("overdue", 0),
        )
        for team in teams
    ]


def _team_caseloads_counted(team_ids: list[int]) -> dict[int, dict]:
    overdue = CarePlan.objects.filter(person=OuterRef("pk"), status=CarePlan.Status.AGREED, review_due__lt=timezone.localdate())
    return {
        row["team_id"]: row
        for row in Person.objects.filter(team_id__in=team_ids)
        .values("team_id")
        .annotate(people=Count("id"), overdue=Count("id", filter=Q(Exists(overdue))))
    }


def _scope(team_ids) -> str:
    """A cache key's part for a set of teams (None: the whole council)."""
    scope = "all" if team_ids is None else ",".join(str(pk) for pk in sorted(team_ids))
    return scope if len(scope) <= 200 else hashlib.sha256(scope.encode()).hexdigest()


def caseload_figures(*, team_ids) -> dict:
    """People on the caseload, plans by status, reviews due soon and overdue. Kept in the cache
    until a caseload changes (coproduction/people/caseload_version.py): one round trip to Redis.
    Counted, two queries, one over people and one over plans, each a single pass."""
    return caseload_kept(key=f"checklist:caseload-figures:{_scope(team_ids)}", count=lambda: _caseload_figures_counted(team_ids=team_ids))


def _caseload_figures_counted(*, team_ids) -> dict:
    today = timezone.localdate()
    people = Person.objects.all() if team_ids is None else Person.objects.filter(team_id__in=team_ids)
    plans = CarePlan.objects.exclude(status=CarePlan.Status.SUPERSEDED)
    if team_ids is not None:
        plans = plans.filter(person__team_id__in=team_ids)
    agreed = Q(status=CarePlan.Status.AGREED)
    figures = plans.aggregate(
        planned=Count("person_id", distinct=True),
        draft=Count("id", filter=Q(status=CarePlan.Status.DRAFT)),
        agreed=Count("id", filter=agreed),
        due_soon=Count("id", filter=agreed & Q(review_due__gte=today, review_due__lte=today + datetime.timedelta(days=28))),
        overdue=Count("id", filter=agreed & Q(review_due__lt=today)),
    )
    figures["people"] = people.count()
    figures["no_plan"] = figures["people"] - figures.pop("planned")
    return figures


# Goals ------------------------------------------------------------------------------------


def goals_with_progress(*, goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """Each goal with how people have rated that statement since it was agreed (for a
    practitioner's goal, the people they support): computed in the same query."""
    since = Rating.objects.filter(
        submitted_on__isnull=False,
        perspective=Perspective.PERSON,
        score__isnull=False,
        team_id=OuterRef("team_id"),
        statement_id=OuterRef("statement_id"),
        submitted_on__gte=OuterRef("agreed_on"),
        practitioner_id=Coalesce(OuterRef("practitioner_id"), F("practitioner_id")),
    )
    return goals.select_related("team", "practitioner", "statement", "practice_action__group").annotate(
        progress_average=Subquery(since.values("statement_id").annotate(value=Avg("score")).values("value")[:1]),
        progress_count=Coalesce(Subquery(since.values("statement_id").annotate(value=Count("id")).values("value")[:1]), 0),
    )


def goals_visible_to(*, user: User) -> QuerySet[Goal]:
    """Keep in step with checklist.rules (view_goal)."""
    visible = Q(practitioner=user) | Q(team_id__in=user.managed_team_ids)
    if user.has_role("practitioner") or user.has_role("team_manager"):
        visible |= Q(practitioner__isnull=True, team_id__in=user.team_ids)
    return goals_with_progress(goals=Goal.objects.filter(visible))


# Stories ----------------------------------------------------------------------------------


def team_comments(*, team_id: int, statement_id: int) -> QuerySet[Rating]:
    """Comments and stories a team's people and practitioners gave for one statement."""
    return (
        Rating.objects.filter(team_id=team_id, statement_id=statement_id, submitted_on__isnull=False)
        .exclude(comment="")
        .select_related("shared_story", "checklist")
        .order_by("-submitted_on", "-id")
    )


def team_stories(*, team_id: int, statement_id: int) -> list[SharedStory]:
    return list(
        SharedStory.objects.filter(team_id=team_id, statement_id=statement_id).select_related("rating").order_by("chosen_at")
    )


def shared_stories(*, statement_id=None) -> QuerySet[SharedStory]:
    stories = SharedStory.objects.filter(shared_at__isnull=False).select_related("rating", "statement", "team")
    if statement_id:
        stories = stories.filter(statement_id=statement_id)
    return stories.order_by("-shared_at", "-id")


# Rounds -----------------------------------------------------------------------------------


def rounds_visible_to(*, user: User) -> QuerySet[SurveyRound]:
    """Every round for a head of service, otherwise council-wide rounds and those of the teams
    the user manages. Keep in step with checklist.rules (view_round)."""
    rounds = SurveyRound.objects.select_related("team", "statement_set").annotate(
        responses=Count("checklists", filter=Q(checklists__submitted_at__isnull=False))
    ).order_by("-opens_on", "-id")
    # The same head-of-service scope as the dashboard's teams: one rule decides both.
    if user.has_perm("checklist.view_every_team"):
        return rounds
    return rounds.filter(Q(team__isnull=True) | Q(team_id__in=user.managed_team_ids))


def round_results(*, survey_round: SurveyRound) -> list[StatementResult]:
    rows = (
        Rating.objects.filter(checklist__survey_round=survey_round, submitted_on__isnull=False)
        .values("statement_id", "perspective")
        .annotate(**_cell_annotations())
    )
    cells = {(row["statement_id"], row["perspective"]): row for row in rows}
    return [
        StatementResult(statement, cell_from(cells.get((statement.pk, Perspective.PERSON))), cell_from(cells.get((statement.pk, Perspective.PRACTITIONER))))
        for statement in planning_statements(statement_set=survey_round.statement_set)
    ]


# One person, one practitioner -------------------------------------------------------------


def person_latest_checklists(*, person: Person) -> dict[str, Checklist]:
    """The latest submitted checklist from each side for this person."""
    latest: dict[str, Checklist] = {}
    for checklist in (
        Checklist.objects.filter(person=person, submitted_at__isnull=False, part=Statement.Part.PLANNING)
        .select_related("practitioner", "entered_by", "statement_set")
        .prefetch_related("ratings")
        .order_by("-submitted_at")[:20]
    ):
        latest.setdefault(checklist.perspective, checklist)
    return latest


def reflection_for(*, practitioner: User, start) -> dict:
    """A practitioner's own ratings by quarter, and what the people they support said, in total."""
    own = Rating.objects.filter(practitioner=practitioner, perspective=Perspective.PRACTITIONER, submitted_on__isnull=False)
    if start is not None:
        own = own.filter(submitted_on__gte=start)
    by_statement = {
        row["statement_id"]: row
        for row in own.values("statement_id").annotate(**_cell_annotations())
    }
    by_quarter = [
        (quarter_label(row["quarter"]), _round(row["average"]), row["answered"])
        for row in own.annotate(quarter=TruncQuarter("submitted_on")).values("quarter").annotate(average=Avg("score"), answered=Count("score")).order_by("quarter")
    ]
    people = Rating.objects.filter(practitioner=practitioner, perspective=Perspective.PERSON, submitted_on__isnull=False)
    if start is not None:
        people = people.filter(submitted_on__gte=start)
    people_by_statement = {row["statement_id"]: row for row in people.values("statement_id").annotate(**_cell_annotations())}
    return {"own": by_statement, "by_quarter": by_quarter, "people": people_by_statement}


def teams_for_dashboard(*, user: User) -> list[Team]:
    """Every team for a head of service, otherwise the teams this user manages."""
    teams = Team.objects.select_related("organisation").order_by("name")
    if not user.has_perm("checklist.view_every_team"):
        teams = teams.filter(pk__in=user.managed_team_ids)
    return list(teams)


def dashboard_all_teams_label(*, user: User, teams: list[Team]) -> str | None:
    """The filter's "all" choice, or none when there is only one team to choose."""
    if len(teams) == 1:
        return None
    return "Every team" if user.has_perm("checklist.view_every_team") else "All your teams"


def dashboard_team_ids(*, user: User, teams: list[Team], chosen_team_id: int | None) -> list[int] | None:
    """The teams a dashboard adds up: the chosen one, else all the viewer's teams. None means
    the whole council, for a head of service, read from the council's totals at no extra cost."""
    if chosen_team_id:
        return [chosen_team_id]
    if user.has_perm("checklist.view_every_team"):
        return None
    return [team.pk for team in teams]


def teams_managed_by(*, user: User) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=user.managed_team_ids).order_by("name")


def planning_statement_choices(*, statement_set: StatementSet | None) -> QuerySet[Statement]:
    """The planning statements of a set, as choices for a form (none without a set)."""
    return Statement.objects.filter(statement_set=statement_set, part=Statement.Part.PLANNING)


def goals_open_for(*, team_ids: list[int]) -> QuerySet[Goal]:
    return goals_with_progress(goals=Goal.objects.filter(team_id__in=team_ids, status=Goal.Status.OPEN))


def goal_list_with_progress() -> QuerySet[Goal]:
    """Every goal with its progress: the view checks each against checklist.rules (view_goal)."""
    return goals_with_progress(goals=Goal.objects.all())


def shared_story_for_page() -> QuerySet[SharedStory]:
    return SharedStory.objects.select_related("team", "statement", "rating")


def people_allocated_to(*, practitioner: User) -> list[Person]:
    """The people a practitioner supports, to reflect on one of them (the first 200 by name)."""
    return list(Person.objects.filter(practitioner=practitioner).order_by("full_name", "id")[:200])


def practitioner_accounts() -> QuerySet[User]:
    """Practitioners' accounts: the view checks checklist.rules (view_reflection) on the one chosen."""
    return User.objects.filter(roles__contains=[Role.PRACTITIONER.value])
