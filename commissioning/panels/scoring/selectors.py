"""Reads for bids, scoring, moderation and totals. Keep in step with scoring/rules.py: the rules
read what these selectors load (`my_score`, bidder.panel)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Max, Min, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.http import Http404

from commissioning.specifications.models import EvaluationCriterion, ShortlistQuestion
from coproduction.core.money import money_text

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
    ShortlistCheck,
)
from ..rules import conflicted_bidder_ids

# Moderation flags a response when members' scores are this far apart or more.
SPREAD_FLAG = 2


def panel_for_scoring(*, programme_id: int, panel_id: int) -> Panel | None:
    return (
        Panel.objects.select_related("programme__current_stage", "programme__lead", "version", "specification", "activity", "award_decision", "deputy__user")
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


def bidders_of(*, panel: Panel, with_consortia: bool = False) -> list[Bidder]:
    """The bidders the panel scores: every bidder but those not shortlisted. A consortium is one
    bidder; with_consortia reads its members too (one more query)."""
    bidders = Bidder.objects.filter(panel=panel).exclude(shortlist_checks__passed=False).select_related(
        "price_score__entered_by__user").order_by("name", "pk")
    bidders = list(bidders.prefetch_related("consortium_members") if with_consortia else bidders)
    for bidder in bidders:
        bidder.panel = panel
    return bidders


@dataclass(frozen=True)
class ShortlistRow:
    bidder: Bidder
    checks: tuple  # (question, its check or None) for each shortlisting question

    @property
    def status(self) -> str:
        if any(check is not None and not check.passed for _, check in self.checks):
            return "not shortlisted"
        if all(check is not None for _, check in self.checks):
            return "shortlisted"
        return "to check"


def shortlisting(*, panel: Panel) -> tuple[list, list[ShortlistRow]]:
    """The specification's shortlisting questions, and each bidder with the panel's findings."""
    questions = list(ShortlistQuestion.objects.filter(version_id=panel.version_id).order_by("position", "pk"))
    checks = {(check.bidder_id, check.question_id): check for check in ShortlistCheck.objects.filter(bidder__panel=panel)}
    rows = []
    for bidder in Bidder.objects.filter(panel=panel).order_by("name", "pk"):
        bidder.panel = panel
        rows.append(ShortlistRow(bidder, tuple((question, checks.get((bidder.pk, question.pk))) for question in questions)))
    return questions, rows


def shortlist_checks_of(*, bidder: Bidder) -> list[ShortlistCheck]:
    """One bidder's findings, with their questions, for the shortlisting form and letter."""
    return list(ShortlistCheck.objects.filter(bidder=bidder).select_related("question").order_by("question__position", "question_id"))


def was_not_shortlisted(*, bidder: Bidder) -> bool:
    """Whether the panel found at shortlisting that the bid does not meet a question: such a
    bidder is never scored, so they get the shortlisting letter, not an assessment summary."""
    return ShortlistCheck.objects.filter(bidder=bidder, passed=False).exists()


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
        .exclude(bidder__shortlist_checks__passed=False)
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
        .exclude(bidder__shortlist_checks__passed=False)
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
    return BidResponse.objects.filter(bidder__panel=panel, question__agreed=True).exclude(
        bidder__shortlist_checks__passed=False
    ).aggregate(
        responses=Count("pk", distinct=True),
        moderated=Count("moderated", distinct=True),
    )


def annotations_of(*, panel: Panel) -> list[Annotation]:
    return list(Annotation.objects.filter(panel=panel).select_related("author", "response__bidder", "response__question"))


@dataclass(frozen=True)
class CriterionLine:
    """One bidder's score on one published criterion, out of the criterion's weight, with the
    numbers it was worked out from."""

    criterion_id: int
    title: str
    weight: int
    is_price: bool
    points: int = 0  # the panel's criteria: moderated points for the agreed questions
    max_points: int = 0  # the most those questions could score (questions x the top score)
    price: Decimal | None = None  # price: this bid's price and the lowest price bid
    lowest: Decimal | None = None
    score: Decimal = Decimal("0.00")

    @property
    def working(self) -> str:
        """The arithmetic, as shown to the panel and to bidders."""
        if self.is_price:
            if self.price is None:
                return "No price entered, so 0"
            return f"{money_text(self.lowest)} ÷ {money_text(self.price)} × {self.weight} = {self.score}"
        if not self.max_points:
            return "No agreed questions, so 0"
        return f"{self.points} ÷ {self.max_points} × {self.weight} = {self.score}"


@dataclass(frozen=True)
class BidderTotal:
    bidder_id: int
    name: str
    lines: tuple[CriterionLine, ...]
    overall_percent: Decimal
    moderated: int
    questions: int
    rank: int

    @property
    def is_complete(self) -> bool:
        return self.moderated == self.questions

    @property
    def price(self) -> CriterionLine | None:
        return next((line for line in self.lines if line.is_price), None)

    @property
    def arithmetic(self) -> str:
        return " + ".join(str(line.score) for line in self.lines) + f" = {self.overall_percent}"


def _share(numerator, denominator, weight: int) -> Decimal:
    if not denominator:
        return Decimal("0.00")
    return (Decimal(numerator) * weight / Decimal(denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def criteria_of(*, panel: Panel) -> list[EvaluationCriterion]:
    """The criteria of the panel's published version, with their published weights: exactly what
    the panel scores. Each has `question_count`, its agreed questions on this panel."""
    return list(
        EvaluationCriterion.objects.filter(version_id=panel.version_id)
        .annotate(question_count=Count("panel_questions", filter=Q(panel_questions__panel=panel, panel_questions__agreed=True)))
        .order_by("position", "pk")
    )


def criteria_missing_questions(criteria: list[EvaluationCriterion]) -> list[EvaluationCriterion]:
    """The criteria the panel scores that have no agreed question yet (price needs none)."""
    return [criterion for criterion in criteria if not criterion.scored_on_price and not criterion.question_count]


def bidder_totals(*, panel: Panel, criteria: list[EvaluationCriterion] | None = None) -> list[BidderTotal]:
    """Each bidder's score on each published criterion and their total out of 100, best first.
    A criterion the panel scores: weight x moderated points ÷ the most its agreed questions could
    score. Price: weight x the lowest price ÷ this bid's price. Each line is rounded to 2 places and
    the total is their sum, so the arithmetic shown adds up. Four queries whatever the size."""
    criteria = criteria_of(panel=panel) if criteria is None else criteria
    bidders = list(
        Bidder.objects.filter(panel=panel).exclude(shortlist_checks__passed=False).values_list("pk", "name", "price_score__bid_price")
    )
    points: dict[tuple[int, int], tuple[int, int]] = {
        (row["response__bidder_id"], row["response__question__criterion_id"]): (row["points"], row["moderated"])
        for row in ModeratedScore.objects.filter(
            response__bidder__panel=panel, response__question__agreed=True, response__question__criterion__version_id=panel.version_id,
            response__question__criterion__scored_on_price=False,
        ).values("response__bidder_id", "response__question__criterion_id").annotate(points=Sum("value"), moderated=Count("pk")).order_by()
    }
    prices = [price for _, _, price in bidders if price]
    lowest = min(prices) if prices else None
    questions = sum(criterion.question_count for criterion in criteria if not criterion.scored_on_price)
    rows = []
    for bidder_id, name, price in bidders:
        lines, moderated = [], 0
        for criterion in criteria:
            if criterion.scored_on_price:
                lines.append(CriterionLine(
                    criterion.pk, criterion.title, criterion.weight, True, price=price or None, lowest=lowest,
                    score=_share(lowest, price, criterion.weight) if price else Decimal("0.00"),
                ))
                continue
            got, count = points.get((bidder_id, criterion.pk), (0, 0))
            most = criterion.question_count * panel.score_max
            moderated += count
            lines.append(CriterionLine(criterion.pk, criterion.title, criterion.weight, False, points=got, max_points=most,
                                       score=_share(got, most, criterion.weight)))
        rows.append((sum((line.score for line in lines), Decimal("0.00")), name, bidder_id, tuple(lines), moderated))
    rows.sort(key=lambda row: (-row[0], row[1], row[2]))
    totals, rank, previous = [], 0, None
    for position, (overall, name, bidder_id, lines, moderated) in enumerate(rows, start=1):
        if overall != previous:
            rank, previous = position, overall
        totals.append(BidderTotal(bidder_id, name, lines, overall, moderated, questions, rank))
    return totals


@dataclass(frozen=True)
class AssessmentRow:
    """One published criterion in an assessment summary: the bidder's score and reasons, and the
    winning bid's."""

    title: str
    weight: int
    own: CriterionLine | None
    winning: CriterionLine | None
    own_reasons: tuple[str, ...]
    winning_reasons: tuple[str, ...]


def assessment_rows(*, bidder: Bidder, winner_id: int | None, criteria, own, winning) -> list[AssessmentRow]:
    """Per criterion: this bidder's and the winning bid's scores and the panel's moderated reasons.
    The reasons are the panel's agreed rationales: no member's name or own score is in them."""
    ids = [bidder.pk] + ([winner_id] if winner_id and winner_id != bidder.pk else [])
    reasons: dict[tuple[int, int], list[str]] = {}
    for bidder_id, criterion_id, question, value, rationale in (
        ModeratedScore.objects.filter(response__bidder_id__in=ids, response__question__agreed=True)
        .order_by("response__question__position", "response__question_id")
        .values_list("response__bidder_id", "response__question__criterion_id", "response__question__text", "value", "rationale")
    ):
        reasons.setdefault((bidder_id, criterion_id), []).append(f"{question} Score {value}. {rationale}")
    lines_own = {line.criterion_id: line for line in own.lines} if own else {}
    lines_win = {line.criterion_id: line for line in winning.lines} if winning and winner_id != bidder.pk else {}
    return [
        AssessmentRow(
            criterion.title, criterion.weight, lines_own.get(criterion.pk), lines_win.get(criterion.pk),
            tuple(reasons.get((bidder.pk, criterion.pk), ())),
            tuple(reasons.get((winner_id, criterion.pk), ())) if lines_win else (),
        )
        for criterion in criteria
    ]


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
        .exclude(bidder__shortlist_checks__passed=False)
        .select_related("bidder", "question__criterion", "moderated")
        .defer("text")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("member__user").order_by("member_id")))
        .order_by("bidder__name", "bidder_id", "question__criterion__position", "question__position", "question_id")
    )


def formula_explained(*, panel: Panel, criteria: list[EvaluationCriterion]) -> list[str]:
    """How the totals are worked out, in plain English, for the totals page, the report and the
    assessment summaries."""
    lines = [
        f"Bids are judged on the criteria published in version {panel.version.number} of the specification, with "
        "their published weights. The weights add up to 100, so the total is out of 100.",
        f"For each criterion the panel scores, each answer gets one moderated score from 0 to {panel.score_max}, agreed "
        "at moderation. We add up the bidder's moderated scores for the criterion's agreed questions, divide by the most "
        f"they could have scored ({panel.score_max} for each question) and multiply by the criterion's weight. "
        "An answer not given, or not yet moderated, counts as 0.",
    ]
    price = next((criterion for criterion in criteria if criterion.scored_on_price), None)
    if price is not None:
        lines.append(
            f"{price.title} (weight {price.weight}) is not scored by the panel. A procurement officer enters each bid's "
            f"price, and its score is the lowest price bid ÷ this bid's price × {price.weight}. The lowest price gets "
            f"all {price.weight}."
        )
    lines += [
        "Each criterion's score is rounded to 2 decimal places, and the total is those scores added up.",
        "Bidders are ranked by their total, highest first.",
    ]
    return lines


def recommended_bidder_id(*, panel: Panel) -> int | None:
    from ..models import AwardRecommendation

    return AwardRecommendation.objects.filter(panel=panel).values_list("bidder_id", flat=True).first()
