"""Reads for recruitment campaigns. Each page reads a fixed number of queries whatever the number
of members, candidates, values or scores. Candidates' names are read only for the HR officer:
every other read defers the column, so a name cannot reach another member's page."""

from collections import defaultdict

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from commissioning.models import Programme
from coproduction.accounts.models import User

from .models import (
    Campaign,
    CampaignMember,
    Candidate,
    CandidateConflict,
    CandidateScore,
    InterviewQuestion,
    ModeratedScore,
    Outcome,
    PostValue,
    ValueComment,
)
from .rules import campaign_ids


def campaign_list_visible_to(*, user) -> QuerySet[Campaign]:
    """The campaigns the user is on. Keep in step with recruitment.rules.is_panel_member."""
    return (Campaign.objects.filter(pk__in=campaign_ids(user)).select_related("outcome")
            .annotate(member_count=Count("members", distinct=True), candidate_count=Count("candidates", distinct=True))
            .defer("outcome__recommendation", "outcome__appointment_reason").order_by("-closing_date", "pk"))


def campaign_or_none(*, campaign_id: int) -> Campaign | None:
    return Campaign.objects.select_related("programme", "values_decision").filter(pk=campaign_id).first()


def outcome_of(*, campaign: Campaign) -> Outcome | None:
    return Outcome.objects.filter(campaign=campaign).select_related("decision", "appointment_decision").first()


def members_of(*, campaign: Campaign) -> list[CampaignMember]:
    return list(CampaignMember.objects.filter(campaign=campaign).select_related("user").order_by("pk"))


def candidates_of(*, campaign: Campaign, with_names: bool = False) -> list[Candidate]:
    candidates = Candidate.objects.filter(campaign=campaign).order_by("pk")
    if not with_names:
        candidates = candidates.only("pk", "campaign_id", "reference")
    return list(candidates)


def candidate_or_none(*, campaign: Campaign, candidate_id: int, member: CampaignMember | None = None) -> Candidate | None:
    """The candidate by reference only, with `sent_own`: whether this member has sent their
    scores for them (the rules on seeing others' scores read it)."""
    candidate = Candidate.objects.filter(campaign=campaign, pk=candidate_id).only("pk", "campaign_id", "reference").first()
    if candidate is not None:
        candidate.campaign = campaign
        candidate.sent_own = candidate.pk in scored_ids(member=member)
    return candidate


def values_of(*, campaign: Campaign, agreed_only: bool = False) -> list[PostValue]:
    """The values with their questions and the number of comments, in three queries."""
    values = PostValue.objects.filter(campaign=campaign)
    if agreed_only:
        values = values.filter(agreed=True)
    questions = InterviewQuestion.objects.order_by("pk")
    if agreed_only:
        questions = questions.filter(agreed=True)
    return list(values.annotate(comment_count=Count("comments")).prefetch_related(
        Prefetch("questions", queryset=questions.select_related("proposed_by"), to_attr="question_list"),
    ).select_related("proposed_by").order_by("pk"))


def value_or_none(*, campaign: Campaign, value_id: int) -> PostValue | None:
    value = PostValue.objects.filter(campaign=campaign, pk=value_id).first()
    if value is not None:
        value.campaign = campaign
    return value


def comments_of(*, value: PostValue) -> list[ValueComment]:
    return list(value.comments.select_related("author").order_by("created_at", "pk"))


def questions_of(*, value: PostValue) -> list[InterviewQuestion]:
    return list(value.questions.select_related("proposed_by").order_by("pk"))


def conflicts_of(*, member: CampaignMember) -> dict[int, str]:
    """candidate id -> how the member knows them."""
    return dict(CandidateConflict.objects.filter(member=member).values_list("candidate_id", "details"))


def conflicted_ids(*, member: CampaignMember | None) -> set[int]:
    if member is None:
        return set()
    return set(CandidateConflict.objects.filter(member=member).values_list("candidate_id", flat=True))


def scored_ids(*, member: CampaignMember | None) -> set[int]:
    """The candidates this member has sent their scores for."""
    if member is None:
        return set()
    return set(CandidateScore.objects.filter(member=member).values_list("candidate_id", flat=True).distinct())


def scores_for(*, candidate: Candidate) -> list[CandidateScore]:
    return list(CandidateScore.objects.filter(candidate=candidate).select_related("member__user").order_by("value_id", "member_id"))


def moderated_for(*, candidate: Candidate) -> dict[int, ModeratedScore]:
    return {row.value_id: row for row in ModeratedScore.objects.filter(candidate=candidate)}


def totals(*, campaign: Campaign) -> dict[int, dict]:
    """candidate id -> {"moderated": total agreed score, "moderated_values": values moderated,
    "scorers": members who sent scores}, in one query."""
    rows = Candidate.objects.filter(campaign=campaign).order_by().values("pk").annotate(
        scorers=Count("scores__member", distinct=True),
    )
    moderated = ModeratedScore.objects.filter(candidate__campaign=campaign).order_by().values("candidate_id").annotate(
        total=Sum("score"), count=Count("pk"),
    )
    found: dict[int, dict] = defaultdict(lambda: {"moderated": None, "moderated_values": 0, "scorers": 0})
    for row in rows:
        found[row["pk"]]["scorers"] = row["scorers"]
    for row in moderated:
        found[row["candidate_id"]].update(moderated=row["total"], moderated_values=row["count"])
    return dict(found)


def people_to_add(*, campaign: Campaign) -> QuerySet[User]:
    """Anyone with an account who is not on the panel."""
    return User.objects.filter(is_active=True).exclude(recruitment_memberships__campaign=campaign).order_by("full_name", "pk")


def programme_choices() -> QuerySet[Programme]:
    """Programmes whose decisions log and "Who took part" a campaign can go in."""
    return Programme.objects.order_by("title", "pk")


def campaigns_for_home(*, user) -> list[Campaign]:
    """The campaigns the user is on that have not been decided, in one query (the home page)."""
    return list(Campaign.objects.filter(members__user=user, closed_on__isnull=True).order_by("closing_date", "pk"))


def evidence_sentence() -> str | None:
    """For the Spectrum of Practice self-assessment: recruitment panels with people who use
    services or carers on them (one query); None before any."""
    counts = Campaign.objects.aggregate(
        total=Count("pk", distinct=True),
        lay=Count("pk", distinct=True, filter=Q(members__role__in=CampaignMember.LAY_ROLES)),
    )
    if not counts["lay"]:
        return None
    return (f"Recruitment: people who use services or carers sat on {counts['lay']} of {counts['total']} interview "
            f"panel{'s' if counts['total'] != 1 else ''}, agreeing the values and questions for the job")
