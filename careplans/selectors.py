import datetime

from django.conf import settings
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Subquery, Value, When
from django.utils import timezone

from coproduction.accounts.models import Role, Team, User
from coproduction.people.models import Person
from coproduction.people.nhs_number import normalise_nhs_number

from .models import CarePlan, Conversation, Review, ReviewTheme


def _plans_of_person():
    return CarePlan.objects.filter(person=OuterRef("pk"))


# Lists behind the dashboard figures: ?show=<key> on the caseload (not personal, so a GET).
_SHOW_FILTERS = {
    "no_plan": lambda: ~Exists(_plans_of_person().exclude(status=CarePlan.Status.SUPERSEDED)),
    "draft": lambda: Exists(_plans_of_person().filter(status=CarePlan.Status.DRAFT)),
    "agreed": lambda: Exists(_plans_of_person().filter(status=CarePlan.Status.AGREED)),
    "due_soon": lambda: Exists(_plans_of_person().filter(
        status=CarePlan.Status.AGREED, review_due__gte=timezone.localdate(), review_due__lte=timezone.localdate() + datetime.timedelta(days=28)
    )),
    "overdue": lambda: Exists(_plans_of_person().filter(status=CarePlan.Status.AGREED, review_due__lt=timezone.localdate())),
}
CASELOAD_SHOW_LABELS = {
    "no_plan": "without a plan yet", "draft": "with a plan being written", "agreed": "with an agreed plan",
    "due_soon": "with a review due in the next 4 weeks", "overdue": "with an overdue review",
}


def caseload_for(*, user: User, name: str = "", reference: str = "", mine_only: bool = False, show: str = "") -> QuerySet[Person]:
    """The practitioner's or manager's caseload: their teams' people (or only those allocated
    to them), each with the latest plan's status and next review, overdue reviews first."""
    latest = CarePlan.objects.filter(person=OuterRef("pk")).order_by("-version")
    agreed = CarePlan.objects.filter(person=OuterRef("pk"), status=CarePlan.Status.AGREED)
    people = (
        Person.objects.filter(team_id__in=user.team_ids)
        .select_related("team", "practitioner", "user")  # user: whose record each audit entry is about
        .annotate(plan_status=Subquery(latest.values("status")[:1]), review_due=Subquery(agreed.values("review_due")[:1]))
        .annotate(overdue=Case(When(review_due__lt=timezone.localdate(), then=Value(True)), default=Value(False)))
    )
    if mine_only:
        people = people.filter(practitioner=user)
    if show:
        people = people.filter(_SHOW_FILTERS[show]())
    if name:
        people = people.filter(Q(full_name__icontains=name) | Q(preferred_name__icontains=name))
    if reference.strip():
        # The same person in both systems: by the case system's id, or by their NHS number.
        nhs_number = normalise_nhs_number(reference)
        people = people.filter(Q(case_system_id__iexact=reference.strip()) | (Q(nhs_number=nhs_number) if nhs_number.isdigit() else Q(pk__in=[])))
    return people.order_by("-overdue", "full_name", "id")


def teams_for(*, user: User) -> QuerySet[Team]:
    return Team.objects.filter(pk__in=user.team_ids).select_related("organisation").order_by("name")


def practitioners_in(*, team_ids) -> QuerySet[User]:
    return (
        User.objects.filter(team_memberships__team_id__in=team_ids, roles__contains=[Role.PRACTITIONER.value], is_active=True)
        .distinct()
        .order_by("full_name")
    )


def practitioners_for(*, user: User) -> QuerySet[User]:
    """Who a person can be allocated to: practitioners in the user's teams."""
    return practitioners_in(team_ids=user.team_ids)


def plan_latest(*, person: Person):
    return person.plans.select_related("agreed_by").order_by("-version").first()


def plan_draft(*, person: Person):
    return person.plans.filter(status="draft").first()


def plan_review_date_suggested(*, plan: CarePlan) -> datetime.date:
    """The usual first review after a new plan, or the yearly one after that."""
    weeks = settings.CAREPLAN_FIRST_REVIEW_WEEKS if plan.version == 1 else settings.CAREPLAN_REVIEW_INTERVAL_WEEKS
    return timezone.localdate() + datetime.timedelta(weeks=weeks)


def plan_section_answers(*, plan: CarePlan, key: str) -> dict:
    """A section's saved answers, with a suggested review date on an agreement that has none:
    the practitioner and the person can change it."""
    stored = plan.section_data(key)
    fields = stored.get("fields", {})
    if key == "agreement" and not fields.get("review_date"):
        stored = {**stored, "fields": {**fields, "review_date": plan_review_date_suggested(plan=plan).isoformat()}}
    return stored


def plan_response_latest(*, plan: CarePlan):
    """The latest "I do not agree yet" on a draft, if any (not one about a review's outcome)."""
    return plan.responses.filter(review__isnull=True).first()


def plan_agreed(*, person: Person):
    return person.plans.filter(status="agreed").first()


def reviews_of(*, person: Person) -> QuerySet[Review]:
    return Review.objects.select_related("plan").filter(plan__person=person)


def reviews_finished(*, person: Person) -> list[Review]:
    """The person's finished reviews, newest first, with their statements and progress: three
    queries, however many."""
    return list(
        Review.objects.filter(plan__person=person, finished_at__isnull=False)
        .select_related("plan", "agreed_by").prefetch_related("items", "progress", "responses").order_by("-held_on", "-id")
    )


def review_of_person(*, person: Person, review_id: int) -> Review | None:
    """One of the person's reviews, finished or not (another person's is not found)."""
    return Review.objects.select_related("plan").filter(plan__person=person, pk=review_id).first()


def conversation_of(*, person: Person):
    """The person's conversation about what matters, if there is one yet."""
    return Conversation.objects.filter(person=person).first()


def statements_prepared(*, plan: CarePlan | None) -> list:
    """What the person and their representative have written for the next review so far."""
    return list(plan.prepared_statements.filter(review__isnull=True)) if plan else []


def plan_review_open(*, plan: CarePlan | None):
    """The plan's review that is under way, if any."""
    return plan.reviews.filter(finished_at__isnull=True).first() if plan else None


def plan_versions(*, person: Person):
    return person.plans.select_related("agreed_by", "created_by").order_by("-version")


def review_theme_list() -> QuerySet[ReviewTheme]:
    """The council's review themes: not personal, the same for everyone."""
    return ReviewTheme.objects.all()


def plan_comments(*, plan) -> dict[str, list]:
    """Comments on one version, by section, in one query."""
    grouped: dict[str, list] = {}
    for comment in plan.comments.select_related("author").order_by("created_at", "id"):
        grouped.setdefault(comment.section, []).append(comment)
    return grouped


# The formats a person's record may say they need, most specific first: someone who reads
# braille and also asked for large print gets braille suggested.
_FORMAT_FROM_NEEDS = ("braille", "audio", "easy_read", "large_print")


def plan_format_needed(*, person: Person, plan: CarePlan | None) -> str:
    """The format the person needs their copy in: what the plan's agreement section says, or
    else what their record's communication needs say; "" when neither says. "Standard" in the
    agreement gives way to a need the record names (the record is kept up to date between plans)."""
    chosen = plan.section_data("agreement").get("fields", {}).get("copy_format") if plan is not None else None
    if chosen and chosen != "standard":
        return chosen
    return next((need for need in _FORMAT_FROM_NEEDS if need in person.communication_needs), chosen or "")


def plan_copies_asked(*, plan: CarePlan, user: User, kinds) -> list:
    """The copies of this plan this user asked for, newest first: their status and download."""
    from django.contrib.contenttypes.models import ContentType

    from coproduction.reports.models import ReportJob

    return list(
        ReportJob.objects.filter(
            requested_by=user, subject_type=ContentType.objects.get_for_model(CarePlan), subject_id=str(plan.pk), kind__in=kinds,
        ).order_by("-created_at")[:10]
    )
