"""Reads for bids, scoring, moderation and totals. Keep in step with scoring/rules.py: the rules
read what these selectors load (`my_score`, bidder.panel)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from commissioning.specifications.models import EvaluationCriterion

from ..models import (
    Annotation,
    Bidder,
    BidResponse,
    ModeratedScore,
    Panel,
    PanelMember,
    PanelQuestion,
    PriceScore,
    Score,
)
from ..rules import conflicted_bidder_ids

# Moderation flags a response when members' scores are this far apart or more.
SPREAD_FLAG = 2


def panel_for_scoring(*, programme_id: int, panel_id: int) -> Panel | None:
    return (
        Panel.objects.select_related("programme__current_stage", "programme__lead", "version", "specification", "activity", "award_decision")
        .filter(programme_id=programme_id, pk=panel_id)
        .first()
    )


def own_membership(*, panel: Panel, user) -> PanelMember | None:
    """The user's own place on the panel, or None (signed out, or not on it)."""
    if not user.is_authenticated:
        return None
    member = PanelMember.objects.filter(panel=panel, user=user).first()
    if member is not None:
        member.panel = panel
    return member


def agreed_questions(*, panel: Panel) -> list[PanelQuestion]:
    questions = list(
        PanelQuestion.objects.filter(panel=panel, agreed=True).select_related("criterion").order_by("criterion__position", "position", "pk")
    )
    for question in questions:
        question.panel = panel
    return questions


def bidders_of(*, panel: Panel) -> list[Bidder]:
    bidders = list(Bidder.objects.filter(panel=panel).select_related("price_score__entered_by__user").order_by("name", "pk"))
    for bidder in bidders:
        bidder.panel = panel
    return bidders


def bidder_or_404(*, panel: Panel, bidder_id: int) -> Bidder:
    bidder = Bidder.objects.filter(panel=panel, pk=bidder_id).first()
    if bidder is None:
        raise Http404
    bidder.panel = panel
    return bidder


def question_or_404(*, panel: Panel, question_id: int) -> PanelQuestion:
    question = PanelQuestion.objects.select_related("criterion").filter(panel=panel, agreed=True, pk=question_id).first()
    if question is None:
        raise Http404
    question.panel = panel
    return question


def responses_by_bidder_question(*, panel: Panel) -> dict[tuple[int, int], BidResponse]:
    """The bids grid: every response of the panel keyed by (bidder id, question id)."""
    responses = BidResponse.objects.filter(bidder__panel=panel).annotate(score_count=Count("scores")).defer("text")
    return {(response.bidder_id, response.question_id): response for response in responses}


def response_of(*, bidder: Bidder, question: PanelQuestion) -> BidResponse | None:
    return BidResponse.objects.filter(bidder=bidder, question=question).first()


def price_of(*, bidder: Bidder) -> PriceScore | None:
    return PriceScore.objects.filter(bidder=bidder).first()


def response_or_404(*, panel: Panel, response_id: int, member: PanelMember | None) -> BidResponse:
    """A response with its bidder and question; `my_score` is the member's own score or None."""
    response = (
        BidResponse.objects.select_related("bidder", "question__criterion", "moderated__recorded_by")
        .filter(bidder__panel=panel, question__agreed=True, pk=response_id)
        .first()
    )
    if response is None:
        raise Http404
    response.bidder.panel = response.question.panel = panel
    response.my_score = None
    if member is not None:
        response.my_score = Score.objects.filter(response=response, member=member).first()
    return response


def response_scores(*, response: BidResponse) -> list[Score]:
    """Every member's score for a response, for those allowed to see them."""
    return list(Score.objects.filter(response=response).select_related("member__user").order_by("member__role", "member_id"))


def responses_to_score(*, panel: Panel, member: PanelMember) -> QuerySet[BidResponse]:
    """The responses this member may score: agreed questions, bidders they are not conflicted with,
    with their own score (if any) alongside."""
    mine = Score.objects.filter(response=OuterRef("pk"), member=member)
    return (
        BidResponse.objects.filter(bidder__panel=panel, question__agreed=True)
        .exclude(bidder_id__in=conflicted_bidder_ids(member))
        .select_related("bidder", "question__criterion")
        .defer("text", "bidder__organisation_id")
        .annotate(my_value=Subquery(mine.values("value")[:1]), my_submitted_at=Subquery(mine.values("submitted_at")[:1]))
        .order_by("bidder__name", "bidder_id", "question__criterion__position", "question__position", "question_id")
    )


def scoring_progress(*, panel: Panel, member: PanelMember) -> dict:
    """How many of the responses this member may score they have scored."""
    return responses_to_score(panel=panel, member=member).aggregate(
        total=Count("pk", distinct=True), done=Count("scores", filter=Q(scores__member=member), distinct=True)
    )


def responses_for_moderation(*, panel: Panel, flagged_only: bool = False) -> QuerySet[BidResponse]:
    """Every response of the panel with the spread of its scores worked out in SQL, and the
    scores themselves for the page shown."""
    responses = (
        BidResponse.objects.filter(bidder__panel=panel, question__agreed=True)
        .select_related("bidder", "question__criterion", "moderated")
        .defer("text")
        .annotate(high=Max("scores__value"), low=Min("scores__value"), score_count=Count("scores"))
        .prefetch_related(Prefetch("scores", queryset=Score.objects.order_by("member_id")))
        .order_by("bidder__name", "bidder_id", "question__criterion__position", "question__position", "question_id")
    )
    if flagged_only:
        from django.db.models import F

        responses = responses.filter(high__gte=F("low") + SPREAD_FLAG)
    return responses


def members_of(*, panel: Panel) -> list[PanelMember]:
    members = list(
        PanelMember.objects.filter(panel=panel).select_related("user").prefetch_related("conflicts").order_by("pk")
    )
    for member in members:
        member.panel = panel
    return members


def moderation_counts(*, panel: Panel) -> dict:
    return BidResponse.objects.filter(bidder__panel=panel, question__agreed=True).aggregate(
        responses=Count("pk", distinct=True),
        moderated=Count("moderated", distinct=True),
    )


def annotations_of(*, panel: Panel) -> list[Annotation]:
    return list(Annotation.objects.filter(panel=panel).select_related("author", "response__bidder", "response__question"))


@dataclass(frozen=True)
class BidderTotal:
    bidder_id: int
    name: str
    quality_percent: Decimal
    price_percent: Decimal | None
    overall_percent: Decimal
    moderated: int
    questions: int
    rank: int

    @property
    def is_complete(self) -> bool:
        return self.moderated == self.questions


# Quality % = the sum over criteria of weight x (moderated points for the criterion's agreed
# questions / (its number of agreed questions x the top score)), divided by the sum of those
# criteria's weights, x 100. A question not answered or not yet moderated counts as 0.
# Overall % = quality % x quality weight / 100 + price % x (100 - quality weight) / 100.
TOTALS_SQL = """
WITH crit AS (
    SELECT q.criterion_id, c.weight, COUNT(*) AS questions
    FROM {question} q JOIN {criterion} c ON c.id = q.criterion_id
    WHERE q.panel_id = %(panel)s AND q.agreed
    GROUP BY q.criterion_id, c.weight
),
weights AS (SELECT COALESCE(SUM(weight), 0) AS total, COALESCE(SUM(questions), 0) AS questions FROM crit),
points AS (
    SELECT r.bidder_id, q.criterion_id, SUM(m.value) AS points, COUNT(m.id) AS moderated
    FROM {response} r
    JOIN {question} q ON q.id = r.question_id AND q.agreed
    JOIN {moderated} m ON m.response_id = r.id
    WHERE q.panel_id = %(panel)s
    GROUP BY r.bidder_id, q.criterion_id
),
quality AS (
    SELECT b.id AS bidder_id, b.name,
           ROUND(COALESCE(SUM(crit.weight * points.points::numeric / (crit.questions * %(score_max)s)) * 100
                 / NULLIF(MAX(weights.total), 0), 0), 2) AS quality_percent,
           COALESCE(SUM(points.moderated), 0) AS moderated,
           MAX(weights.questions) AS questions
    FROM {bidder} b
    CROSS JOIN weights
    LEFT JOIN points ON points.bidder_id = b.id
    LEFT JOIN crit ON crit.criterion_id = points.criterion_id
    WHERE b.panel_id = %(panel)s
    GROUP BY b.id, b.name
)
SELECT quality.bidder_id, quality.name, quality.quality_percent, price.percent,
       ROUND(quality.quality_percent * %(quality_weight)s / 100.0
             + COALESCE(price.percent, 0) * (100 - %(quality_weight)s) / 100.0, 2) AS overall_percent,
       quality.moderated, quality.questions
FROM quality LEFT JOIN {price} price ON price.bidder_id = quality.bidder_id
ORDER BY overall_percent DESC, quality.name, quality.bidder_id
"""


def bidder_totals(*, panel: Panel) -> list[BidderTotal]:
    """Weighted totals per bidder, best first, in one query (see TOTALS_SQL for the formula)."""
    sql = TOTALS_SQL.format(
        question=PanelQuestion._meta.db_table, criterion=EvaluationCriterion._meta.db_table,
        response=BidResponse._meta.db_table, moderated=ModeratedScore._meta.db_table,
        bidder=Bidder._meta.db_table, price=PriceScore._meta.db_table,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, {"panel": panel.pk, "score_max": panel.score_max, "quality_weight": panel.quality_weight})
        rows = cursor.fetchall()
    totals, rank, previous = [], 0, None
    for position, (bidder_id, name, quality, price, overall, moderated, questions) in enumerate(rows, start=1):
        if overall != previous:
            rank, previous = position, overall
        totals.append(BidderTotal(bidder_id, name, quality, price, overall, int(moderated), int(questions or 0), rank))
    return totals


def criteria_of(*, panel: Panel) -> list[EvaluationCriterion]:
    """The criteria the panel's agreed questions score, with how many questions each has."""
    return list(
        EvaluationCriterion.objects.filter(panel_questions__panel=panel, panel_questions__agreed=True)
        .annotate(question_count=Count("panel_questions", filter=Q(panel_questions__panel=panel, panel_questions__agreed=True)))
        .order_by("position", "pk")
    )


def bidder_feedback(*, bidder: Bidder) -> list[BidResponse]:
    """One bidder's own responses with their moderated scores and rationales: nothing else."""
    return list(
        BidResponse.objects.filter(bidder=bidder, question__agreed=True)
        .select_related("question__criterion", "moderated")
        .order_by("question__criterion__position", "question__position", "question_id")
    )


def report_responses(*, panel: Panel) -> list[BidResponse]:
    """Every response with its moderated score and each member's own score, for the panel report."""
    return list(
        BidResponse.objects.filter(bidder__panel=panel, question__agreed=True)
        .select_related("bidder", "question__criterion", "moderated")
        .defer("text")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("member__user").order_by("member_id")))
        .order_by("bidder__name", "bidder_id", "question__criterion__position", "question__position", "question_id")
    )


def formula_explained(*, panel: Panel) -> list[str]:
    """How the totals are worked out, in plain English, for the totals page and the report."""
    lines = [
        f"Each answer gets one moderated score from 0 to {panel.score_max}, agreed by the panel at moderation.",
        "For each criterion, we add up the bidder's moderated scores for its questions and divide by the most "
        f"they could have scored ({panel.score_max} for each question). An answer not given, or not yet moderated, counts as 0.",
        "We multiply that by the criterion's weight, add the criteria together and divide by the total of their weights. "
        "This gives the quality score out of 100.",
    ]
    if panel.price_weight:
        lines.append(
            f"Quality counts for {panel.quality_weight}% and price for {panel.price_weight}%. A procurement officer scores "
            f"price out of 100, apart from the quality panel. The overall score is the quality score × {panel.quality_weight} ÷ 100 "
            f"plus the price score × {panel.price_weight} ÷ 100."
        )
    else:
        lines.append("This tender is judged on quality only, so the overall score is the quality score.")
    lines.append("Bidders are ranked by their overall score, highest first.")
    return lines


def recommended_bidder_id(*, panel: Panel) -> int | None:
    from ..models import AwardRecommendation

    return AwardRecommendation.objects.filter(panel=panel).values_list("bidder_id", flat=True).first()
