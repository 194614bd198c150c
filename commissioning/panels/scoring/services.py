"""Writing bids, scores, moderation, price, the award and annotations. Each write checks its input
and the panel's stage here, inside a transaction that locks the panel, so two people acting at
once cannot score after the award or award twice. Everything is audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from commissioning.scoring import checked_reason, checked_score
from commissioning.services import decision_record
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from commissioning.specifications.models import ShortlistQuestion

from ..models import (
    Annotation,
    AwardRecommendation,
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
from ..rules import is_conflicted, may_moderate_bidder
from .selectors import bidder_totals, criteria_missing_questions, criteria_of

CREATE, CHANGE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE
AWARDED_MESSAGE = "The panel has made its award, so scores cannot change. Add a note instead."
SCORING_CLOSED_MESSAGE = "Scoring is not open on this panel"
SCORED_MESSAGE = "Members have already scored this answer, so it cannot change"


def _locked(panel: Panel) -> Panel:
    """The panel's current state, locked for this transaction."""
    return Panel.objects.select_for_update().get(pk=panel.pk)


def _check_not_awarded(panel: Panel) -> Panel:
    locked = _locked(panel)
    if locked.status == Panel.Status.AWARDED:
        raise ValidationError(AWARDED_MESSAGE)
    return locked


def _check_value(panel: Panel, value, field: str = "value") -> int:
    return checked_score(value, panel.score_max, field)


@transaction.atomic
def response_save(
    *, bidder: Bidder, question: PanelQuestion, text: str, file=None, file_type: str = "", by, request=None
) -> BidResponse:
    """Record (or correct, until anyone has scored it) a bidder's answer to an agreed question."""
    panel = _check_not_awarded(bidder.panel)
    if panel.status == Panel.Status.MODERATING:
        raise ValidationError("Moderation has started, so answers cannot change")
    if not PanelQuestion.objects.filter(pk=question.pk, panel_id=bidder.panel_id, agreed=True).exists():
        raise ValidationError("Choose an agreed question of this panel")
    text = (text or "").strip()
    response = BidResponse.objects.select_for_update().filter(bidder=bidder, question=question).first()
    if response is not None and Score.objects.filter(response=response).exists():
        raise ValidationError(SCORED_MESSAGE)
    if not text and file is None and not (response and response.file):
        raise ValidationError({"text": "Enter the bidder's answer or upload it"})
    if file is not None and file_type not in BidResponse.FileType.values:
        raise ValidationError({"file": "The selected file must be a PDF or a Word document (DOCX)"})
    created = response is None
    response = response or BidResponse(bidder=bidder, question=question, entered_by=by)
    old_file = response.file.name if response.file else ""
    response.text, response.entered_by, response.entered_at = text, by, timezone.now()
    if file is not None:
        response.file, response.file_type, response.file_size = file, file_type, file.size
    response.save()
    if file is not None and old_file:
        storage = response.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    audit_record(actor=by, action=CREATE if created else CHANGE, obj=response, request=request,
                 detail="bid answer entered" + (" with a file" if file is not None else ""))
    return response


@transaction.atomic
def score_submit(*, response: BidResponse, member: PanelMember, value, reason: str, by, request=None) -> Score:
    """A member's own score, given once. It is never changed afterwards, so it stays independent."""
    panel = _check_not_awarded(response.bidder.panel)
    if member.panel_id != panel.pk or member.user_id != by.pk:
        raise ValidationError("Only a member of this panel can score its bids")
    if not member.has_declared:
        raise ValidationError("Declare your interests before scoring")
    if is_conflicted(member, response.bidder_id):
        raise ValidationError("You declared a conflict of interest with this bidder, so you cannot score their bid")
    if panel.status != Panel.Status.SCORING:
        raise ValidationError(SCORING_CLOSED_MESSAGE)
    value = _check_value(panel, value)
    reason = checked_reason(reason, field="reason", message="Enter the reason for your score")
    try:
        with transaction.atomic():
            score = Score.objects.create(response=response, member=member, value=value, reason=reason)
    except IntegrityError:
        raise ValidationError("You have already scored this answer. Your score is kept as you gave it.") from None
    audit_record(actor=by, action=CREATE, obj=score, request=request, detail="score submitted")
    return score


@transaction.atomic
def shortlist_record(*, bidder: Bidder, member: PanelMember | None, results: dict, by, request=None) -> list[ShortlistCheck]:
    """The panel's finding on each of the specification's shortlisting questions for one bid:
    `results` maps a question's id to (passed, reason). Any member who has declared and is not
    conflicted with the bidder may record it, until scoring opens."""
    panel = _check_not_awarded(bidder.panel)
    if panel.status != Panel.Status.PREPARING:
        raise ValidationError("Shortlisting is over: scoring has started")
    if member is None or member.panel_id != panel.pk or member.user_id != by.pk:
        raise ValidationError("Only a member of this panel can shortlist its bids")
    if not member.has_declared:
        raise ValidationError("Declare your interests before shortlisting")
    if is_conflicted(member, bidder.pk):
        raise ValidationError("You declared a conflict of interest with this bidder, so you cannot shortlist their bid")
    questions = list(ShortlistQuestion.objects.filter(version_id=panel.version_id).order_by("position", "pk"))
    errors = {}
    for question in questions:
        passed, reason = results.get(question.pk, (None, ""))
        if passed is None:
            errors[f"result_{question.pk}"] = "Select whether the bid meets this"
        if not (reason or "").strip():
            errors[f"reason_{question.pk}"] = "Enter the reason"
    if errors:
        raise ValidationError(errors)
    checks = []
    for question in questions:
        passed, reason = results[question.pk]
        check, _ = ShortlistCheck.objects.update_or_create(
            bidder=bidder, question=question,
            defaults={"passed": passed, "reason": reason.strip(), "checked_by": by, "checked_at": timezone.now()},
        )
        checks.append(check)
    audit_record(actor=by, action=CHANGE, obj=bidder, request=request,
                 detail="shortlisted" if all(check.passed for check in checks) else "not shortlisted")
    return checks


@transaction.atomic
def scoring_open(*, panel: Panel, by, request=None) -> Panel:
    """From preparing to scoring: members may now read the bids they are not conflicted on."""
    locked = _locked(panel)
    if locked.status != Panel.Status.PREPARING:
        raise ValidationError("Scoring has already started")
    questions = ShortlistQuestion.objects.filter(version_id=locked.version_id).count()
    if questions:
        unchecked = Bidder.objects.filter(panel=panel).annotate(checked=Count("shortlist_checks")).filter(checked__lt=questions).count()
        if unchecked:
            raise ValidationError(f"Finish shortlisting first: {unchecked} bid{'s' if unchecked > 1 else ''} still to check")
    missing = criteria_missing_questions(criteria_of(panel=locked))
    if missing:
        raise ValidationError(
            "Agree at least one question for each criterion before scoring opens. Still without an agreed question: "
            + ", ".join(criterion.title for criterion in missing)
        )
    locked.status = panel.status = Panel.Status.SCORING
    locked.save(update_fields=["status"])
    audit_record(actor=by, action=CHANGE, obj=panel, request=request, detail="scoring opened")
    return panel


@transaction.atomic
def moderation_start(*, panel: Panel, by, request=None) -> Panel:
    """Scoring closes and the chair moderates: every score is then shown side by side."""
    locked = _locked(panel)
    if locked.status != Panel.Status.SCORING:
        raise ValidationError("Moderation can only start while the panel is scoring")
    locked.status = panel.status = Panel.Status.MODERATING
    locked.save(update_fields=["status"])
    audit_record(actor=by, action=CHANGE, obj=panel, request=request, detail="scoring closed; moderation started")
    return panel


@transaction.atomic
def moderated_score_record(*, response: BidResponse, value, rationale: str, by, request=None) -> ModeratedScore:
    """The agreed score and why, recorded by the chair, or by the deputy for a bidder the chair
    declared a conflict with. Recording it again replaces only the moderated score: every
    member's own score stays as it was."""
    panel = _check_not_awarded(response.bidder.panel)
    if panel.status != Panel.Status.MODERATING:
        raise ValidationError("Start moderation before recording moderated scores")
    member = PanelMember.objects.filter(panel=panel, user=by).first()
    if not may_moderate_bidder(member, panel, response.bidder_id):
        raise ValidationError(
            "The deputy chair moderates this bidder, because the chair declared a conflict of interest with them"
            if member is not None and member.is_chair else "Only the chair, or for a bidder the chair is conflicted with the deputy chair, moderates"
        )
    value = _check_value(panel, value)
    rationale = checked_reason(rationale, field="reason", message="Enter the rationale for the moderated score")
    moderated, created = ModeratedScore.objects.update_or_create(
        response=response, defaults={"value": value, "rationale": rationale, "recorded_by": by, "recorded_at": timezone.now()}
    )
    audit_record(actor=by, action=CREATE if created else CHANGE, obj=moderated, request=request,
                 detail=f"moderated score {value}")
    return moderated


@transaction.atomic
def price_score_record(*, bidder: Bidder, member: PanelMember, bid_price, notes: str = "", by, request=None) -> PriceScore:
    """A bid's price, entered by a procurement officer. Its score is worked out by the published
    formula from all the prices: nobody types a price score."""
    panel = _check_not_awarded(bidder.panel)
    if member.panel_id != panel.pk or member.role != PanelMember.Role.PROCUREMENT_OFFICER:
        raise ValidationError("Only a procurement officer on the panel can enter prices")
    if is_conflicted(member, bidder.pk):
        raise ValidationError("You declared a conflict of interest with this bidder, so you cannot enter their price")
    if not panel.version.criteria.filter(scored_on_price=True).exists():
        raise ValidationError("Price is not one of the published criteria of this tender")
    if bid_price is None or bid_price <= 0:
        raise ValidationError({"bid_price": "Enter the price bid, more than £0"})
    price, created = PriceScore.objects.update_or_create(
        bidder=bidder,
        defaults={"bid_price": bid_price, "notes": (notes or "").strip(), "entered_by": member, "entered_at": timezone.now()},
    )
    audit_record(actor=by, action=CREATE if created else CHANGE, obj=price, request=request, detail="price entered")
    return price


@transaction.atomic
def panel_award(*, panel: Panel, bidder: Bidder, recommendation: str, decided_by: str, by, request=None) -> Panel:
    """Record the result and the recommendation in the programme's decisions log. From now on
    nothing about the scores can change."""
    locked = _check_not_awarded(panel)
    if locked.status != Panel.Status.MODERATING:
        raise ValidationError("Start moderation and agree the moderated scores before the award")
    if bidder.panel_id != panel.pk or bidder.shortlist_checks.filter(passed=False).exists():
        raise ValidationError({"bidder": "Select the bidder the panel recommends"})
    if not (recommendation or "").strip():
        raise ValidationError({"recommendation": "Enter the award recommendation"})
    if not (decided_by or "").strip():
        raise ValidationError({"decided_by": "Enter who took the decision"})
    unmoderated = (
        BidResponse.objects.filter(bidder__panel=panel, question__agreed=True, moderated__isnull=True)
        .exclude(bidder__shortlist_checks__passed=False).count()
    )
    if unmoderated:
        raise ValidationError(f"Agree the moderated score for every answer first: {unmoderated} still to do")
    criteria = criteria_of(panel=panel)
    if any(criterion.scored_on_price for criterion in criteria) and Bidder.objects.filter(
        Q(price_score__isnull=True) | Q(price_score__bid_price__isnull=True), panel=panel
    ).exclude(shortlist_checks__passed=False).exists():
        raise ValidationError("A procurement officer must enter every bidder's price first")
    totals = bidder_totals(panel=panel, criteria=criteria)
    result = "\n".join(
        f"{total.rank}. {total.name}: "
        + ", ".join(f"{line.title} {line.score} of {line.weight}" for line in total.lines)
        + f"; total {total.overall_percent} out of 100"
        for total in totals
    )
    decision = decision_record(
        programme=panel.programme,
        data={
            "title": f"Award recommendation: {panel.title}",
            "decision": f"The panel recommends awarding the contract to {bidder.name}.\n\n{recommendation.strip()}",
            "decided_by": decided_by.strip(),
            "evidence": "Scores on the published criteria and totals out of 100:\n" + result,
            "stage": panel.programme.current_stage,
            "informed_by": [panel.activity],
        },
        by=by,
    )
    AwardRecommendation.objects.create(panel=panel, bidder=bidder, text=recommendation.strip(), decision=decision, recorded_by=by)
    locked.status, locked.awarded_at, locked.award_decision = Panel.Status.AWARDED, timezone.now(), decision
    locked.save(update_fields=["status", "awarded_at", "award_decision"])
    panel.status, panel.awarded_at, panel.award_decision = locked.status, locked.awarded_at, decision
    audit_record(actor=by, action=CHANGE, obj=panel, request=request, detail="award recorded")
    return panel


@transaction.atomic
def annotation_add(*, panel: Panel, text: str, by, response: BidResponse | None = None, request=None) -> Annotation:
    locked = _locked(panel)
    if locked.status != Panel.Status.AWARDED:
        raise ValidationError("Notes are added after the award. Until then, scores can still be moderated.")
    if response is not None and response.bidder.panel_id != panel.pk:
        raise ValidationError({"response": "Select what the note is about"})
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Enter your note"})
    annotation = Annotation.objects.create(panel=panel, response=response, text=text, author=by)
    audit_record(actor=by, action=CREATE, obj=annotation, request=request, detail="note after the award")
    return annotation
