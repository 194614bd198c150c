"""Writing a panel's preparation: setting it up, members, bidders, declarations of interest,
briefing packs, questions for bidders, and members' recognition. Each write checks its input
here (not only in the form), raises ValidationError with field names, saves nothing half-way,
and is audited."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from commissioning.participants import group_member_takes_part
from commissioning.services import stage_for_activity
from commissioning.models import (
    Activity,
    ActivityKind,
    LadderRung,
    Programme,
)
from commissioning.specifications.models import (
    EvaluationCriterion,
    Specification,
    SpecificationVersion,
)
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many

from . import notices
from .models import (
    Bidder,
    BriefingPack,
    Conflict,
    ConsortiumMember,
    Panel,
    PanelMember,
    PanelQuestion,
    QuestionComment,
)

AWARDED_MESSAGE = "This panel has made its award, so its set-up can no longer change"
PREPARING_ONLY_MESSAGE = "Bidders can only be added while the panel is preparing, before scoring starts"
CREATE, CHANGE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE


def published_version(specification: Specification) -> SpecificationVersion | None:
    """The newest published version: the one bidders answer."""
    return (
        SpecificationVersion.objects.filter(specification=specification, status=SpecificationVersion.Status.PUBLISHED)
        .order_by("-number")
        .first()
    )


def _check_scale(*, score_max) -> None:
    if score_max is None or not 1 <= int(score_max) <= 100:
        raise ValidationError({"score_max": "The highest score must be a whole number from 1 to 100"})


@transaction.atomic
def panel_create(
    *, programme: Programme, specification: Specification, chair, title: str, purpose: str, timetable: str = "",
    score_max: int = 5, by, request=None,
) -> Panel:
    """A panel for a published specification of the programme, its activity, and its chair."""
    if specification.programme_id != programme.pk:
        raise ValidationError({"specification": "Choose a specification of this programme"})
    version = published_version(specification)
    if version is None:
        raise ValidationError({"specification": "Publish the specification before setting up its panel"})
    if not (title or "").strip():
        raise ValidationError({"title": "Enter the name of the panel"})
    if not (purpose or "").strip():
        raise ValidationError({"purpose": "Say what the panel is for"})
    _check_scale(score_max=score_max)
    activity = Activity.objects.create(
        programme=programme, stage=stage_for_activity(programme=programme, kind=ActivityKind.PROCUREMENT_PANEL),
        kind=ActivityKind.PROCUREMENT_PANEL,
        title=title.strip(), summary=purpose.strip(), ladder_rung=LadderRung.CO_PRODUCING, recorded_by=by,
    )
    panel = Panel.objects.create(
        programme=programme, specification=specification, version=version, activity=activity, title=title.strip(),
        purpose=purpose.strip(), timetable=(timetable or "").strip(), score_max=score_max,
        created_by=by,
    )
    PanelMember.objects.create(panel=panel, user=chair, role=PanelMember.Role.CHAIR, added_by=by)
    group_member_takes_part(activity=panel.activity, user=chair)
    audit_record(actor=by, action=CREATE, obj=panel, request=request, detail="panel set up")
    return panel


PANEL_DETAIL_FIELDS = (
    "title", "purpose", "timetable", "purpose_easy_read", "timetable_easy_read", "scoring_easy_read",
    "score_max", "deputy",
)


@transaction.atomic
def panel_update(*, panel: Panel, data: dict, by, request=None) -> Panel:
    if panel.is_awarded:
        raise ValidationError(AWARDED_MESSAGE)
    _check_scale(score_max=data.get("score_max", panel.score_max))
    if panel.status != Panel.Status.PREPARING and data.get("score_max", panel.score_max) != panel.score_max:
        raise ValidationError({"score_max": "The scale cannot change once scoring has started"})
    deputy = data.get("deputy", panel.deputy)
    if deputy is not None and (deputy.panel_id != panel.pk or deputy.is_chair):
        raise ValidationError({"deputy": "Select the deputy from the panel's members"})
    for name in PANEL_DETAIL_FIELDS:
        if name in data:
            value = data[name]
            setattr(panel, name, value.strip() if isinstance(value, str) else value)
    if not panel.title or not panel.purpose:
        raise ValidationError({"title" if not panel.title else "purpose": "Enter the name of the panel and what it is for"})
    notices.dates_changed(panel=panel)  # compares with the stored timetable, so before saving
    panel.save()
    Activity.objects.filter(pk=panel.activity_id).update(title=panel.title, summary=panel.purpose)
    audit_record(actor=by, action=CHANGE, obj=panel, request=request, detail="panel details changed")
    return panel


def member_add(*, panel: Panel, user, role: str, by, request=None) -> PanelMember:
    if panel.is_awarded:
        raise ValidationError(AWARDED_MESSAGE)
    if role not in PanelMember.Role.values or role == PanelMember.Role.CHAIR:
        raise ValidationError({"role": "Choose the member's role on the panel"})
    try:
        with transaction.atomic():
            member = PanelMember.objects.create(panel=panel, user=user, role=role, added_by=by)
    except IntegrityError:
        raise ValidationError({"user": "This person is already on the panel"}) from None
    group_member_takes_part(activity=panel.activity, user=user)
    audit_record(actor=by, action=CREATE, obj=member, subject=user, request=request, detail="added to panel")
    notices.member_added(member=member, by=by)
    return member


@transaction.atomic
def bidder_add(*, panel: Panel, name: str, organisation=None, by, request=None) -> Bidder:
    """A bidder joins while the panel prepares. Everyone's declarations start again, because
    nobody has yet said whether they have an interest in the new bidder."""
    if panel.status != Panel.Status.PREPARING:
        raise ValidationError(PREPARING_ONLY_MESSAGE)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Enter the bidder's name"})
    if Bidder.objects.filter(panel=panel, name__iexact=name).exists():
        raise ValidationError({"name": "There is already a bidder with this name"})
    bidder = Bidder.objects.create(panel=panel, name=name, organisation=organisation)
    PanelMember.objects.filter(panel=panel).update(conflicts_declared_at=None)
    audit_record(actor=by, action=CREATE, obj=bidder, request=request, detail="bidder added; declarations asked again")
    return bidder


@transaction.atomic
def consortium_member_add(*, bidder: Bidder, data: dict, by, request=None) -> ConsortiumMember:
    """A provider joins a consortium bid while the panel prepares. As with a new bidder, everyone
    declares their interests again: nobody has yet said whether they have one in this provider."""
    panel = Panel.objects.select_for_update().get(pk=bidder.panel_id)
    if panel.status != Panel.Status.PREPARING:
        raise ValidationError(PREPARING_ONLY_MESSAGE)
    name = (data.get("name") or "").strip()
    if ConsortiumMember.objects.filter(bidder=bidder, name__iexact=name).exists():
        raise ValidationError({"name": "This provider is already in the consortium"})
    if data.get("is_lead") and ConsortiumMember.objects.filter(bidder=bidder, is_lead=True).exists():
        raise ValidationError({"is_lead": "The consortium already has a lead provider"})
    consortium_member = ConsortiumMember.objects.create(
        bidder=bidder, name=name, organisation=data.get("organisation"), is_lead=bool(data.get("is_lead")), brings=data["brings"])
    PanelMember.objects.filter(panel=panel).update(conflicts_declared_at=None)
    audit_record(actor=by, action=CREATE, obj=consortium_member, request=request, detail="consortium member added; declarations asked again")
    return consortium_member


@transaction.atomic
def conflicts_declare(*, member: PanelMember, bidders: list[Bidder], details: str, by, request=None,
                      consortium_members: list[ConsortiumMember] = ()) -> PanelMember:
    """The member's declaration: conflicts with these bidders, or none (an empty list). An
    interest in any member of a consortium is a conflict with the whole consortium. A conflict,
    once declared, stays on the record."""
    if member.panel.is_awarded:
        raise ValidationError(AWARDED_MESSAGE)
    details = (details or "").strip()
    through: dict[int, list[ConsortiumMember]] = {}
    for consortium_member in consortium_members:
        through.setdefault(consortium_member.bidder_id, []).append(consortium_member)
    bidders = list({bidder.pk: bidder for bidder in [*bidders, *(cm.bidder for cm in consortium_members)]}.values())
    if bidders and not details:
        raise ValidationError({"details": "Say what your interest in the bidder is"})
    if any(bidder.panel_id != member.panel_id for bidder in bidders):
        raise ValidationError({"bidders": "Choose bidders on this panel"})
    now = timezone.now()
    conflicts = {conflict.bidder_id: conflict for conflict in Conflict.objects.filter(member=member)}
    existing = set(conflicts)
    new = [Conflict(member=member, bidder=bidder, details=details, declared_at=now) for bidder in bidders if bidder.pk not in existing]
    Conflict.objects.bulk_create(new)
    for conflict in new:
        conflicts[conflict.bidder_id] = conflict
    Through = Conflict.consortium_members.through
    Through.objects.bulk_create([
        Through(conflict_id=conflicts[bidder_id].pk, consortiummember_id=cm.pk)
        for bidder_id, chosen in through.items() for cm in chosen
    ], ignore_conflicts=True)
    member.conflicts_declared_at = now
    member.save(update_fields=["conflicts_declared_at"])
    member._conflicted_bidder_ids = frozenset(existing | {bidder.pk for bidder in bidders})
    audit_record(
        actor=by, action=CHANGE, obj=member, subject=member.user, request=request,
        detail=f"conflicts declared: {len(new)} new" if new else "declared no new conflicts",
    )
    return member


@transaction.atomic
def briefing_send(*, panel: Panel, members: list[PanelMember], formats: dict[int, str], by, request=None) -> int:
    """Record that each member was sent their pack today, in the format they asked for. Sending
    again records the new date (for example after the timetable changed) and keeps when it was
    first opened."""
    if panel.is_awarded:
        raise ValidationError(AWARDED_MESSAGE)
    if not members:
        raise ValidationError({"members": "Choose who to send the briefing pack to"})
    if any(member.panel_id != panel.pk for member in members):
        raise ValidationError({"members": "Choose members of this panel"})
    now = timezone.now()
    existing = {pack.member_id: pack for pack in BriefingPack.objects.filter(member__in=members)}
    to_create, to_update = [], []
    for member in members:
        document_format = formats.get(member.user_id, "standard")
        pack = existing.get(member.pk)
        if pack is None:
            to_create.append(BriefingPack(member=member, document_format=document_format, sent_at=now, sent_by=by))
        else:
            pack.document_format, pack.sent_at, pack.sent_by = document_format, now, by
            to_update.append(pack)
    BriefingPack.objects.bulk_create(to_create)
    BriefingPack.objects.bulk_update(to_update, ["document_format", "sent_at", "sent_by"])
    audit_record_many(
        actor=by, action=CREATE, objects=members, subject_of=lambda member: member.user, request=request,
        detail="briefing pack sent",
    )
    notices.briefing_ready(panel=panel, members=members, formats=formats, sent_at=now)
    return len(members)


def briefing_opened(*, member: PanelMember) -> bool:
    """Note the first time the member opens their own pack. True if this was the first time."""
    return bool(
        BriefingPack.objects.filter(member=member, first_opened_at__isnull=True).update(first_opened_at=timezone.now())
    )


def _criterion_of(panel: Panel, criterion) -> EvaluationCriterion:
    if criterion is None or criterion.version_id != panel.version_id:
        raise ValidationError({"criterion": "Choose one of the specification's evaluation criteria"})
    if criterion.scored_on_price:
        raise ValidationError({"criterion": "Price is worked out by its published formula, so it has no questions"})
    return criterion


@transaction.atomic
def question_propose(*, panel: Panel, criterion, kind: str, text: str, by, rewords: PanelQuestion | None = None, request=None) -> PanelQuestion:
    if panel.is_awarded:
        raise ValidationError(AWARDED_MESSAGE)
    text = (text or "").strip()
    errors = {}
    if not text:
        errors["text"] = "Write the question"
    elif len(text) > 2000:
        errors["text"] = "The question must be 2,000 characters or fewer"
    if kind not in PanelQuestion.Kind.values:
        errors["kind"] = "Choose whether it is a written or an interview question"
    if rewords is not None and rewords.panel_id != panel.pk:
        errors["rewords"] = "Choose a question of this panel"
    if errors:
        raise ValidationError(errors)
    _criterion_of(panel, criterion)
    question = PanelQuestion.objects.create(
        panel=panel, criterion=criterion, kind=kind, text=text, rewords=rewords, proposed_by=by,
        position=rewords.position if rewords else PanelQuestion.objects.filter(panel=panel).count(),
    )
    audit_record(actor=by, action=CREATE, obj=question, request=request, detail="rewording proposed" if rewords else "question proposed")
    return question


def question_comment(*, question: PanelQuestion, text: str, by, request=None) -> QuestionComment:
    if question.panel.is_awarded:
        raise ValidationError(AWARDED_MESSAGE)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Write your comment"})
    if len(text) > 5000:
        raise ValidationError({"text": "Your comment must be 5,000 characters or fewer"})
    comment = QuestionComment.objects.create(question=question, text=text, author=by)
    audit_record(actor=by, action=CREATE, obj=comment, request=request, detail="comment on a question")
    return comment


@transaction.atomic
def questions_agree(*, panel: Panel, agreed_ids: set[int], by, request=None) -> int:
    """The chair marks the agreed set: these questions are agreed and every other is not."""
    if panel.is_awarded:
        raise ValidationError(AWARDED_MESSAGE)
    known = set(PanelQuestion.objects.filter(panel=panel).values_list("pk", flat=True))
    if not set(agreed_ids) <= known:
        raise ValidationError({"agreed": "Choose questions of this panel"})
    now = timezone.now()
    PanelQuestion.objects.filter(panel=panel, pk__in=agreed_ids, agreed=False).update(agreed=True, agreed_by=by, agreed_at=now)
    PanelQuestion.objects.filter(panel=panel, agreed=True).exclude(pk__in=agreed_ids).update(agreed=False, agreed_by=None, agreed_at=None)
    audit_record(actor=by, action=CHANGE, obj=panel, request=request, detail=f"agreed questions: {len(agreed_ids)}")
    return len(agreed_ids)


def recognition_record(*, panel: Panel, member: PanelMember, category: str, amount, description: str = "", by, request=None):
    """A member's recognition or expenses for this panel, in the council's ledger."""
    from commissioning.involvement.services import claim_enter

    if member.panel_id != panel.pk:
        raise ValidationError({"member": "Choose a member of this panel"})
    return claim_enter(
        by=by, claimant=member.user, activity=panel.activity, category=category, amount=amount,
        description=(description or "").strip(), request=request,
    )
