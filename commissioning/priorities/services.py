"""Writes for priorities, the shortlist, the outcomes framework and evidence."""

from datetime import date

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.http import HttpRequest
from django.utils import timezone

from commissioning.participants import activity_participants_set
from commissioning.models import (
    Activity,
    ActivityKind,
    Decision,
    LadderRung,
    Programme,
    Stage,
)
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .models import (
    Evidence,
    Indicator,
    Outcome,
    OutcomeComment,
    Priority,
    PriorityComment,
    Shortlist,
    ShortlistEntry,
    Support,
)
from .selectors import people_who_took_part, shortlist_latest


def priority_propose(*, programme: Programme, by, kind: str, title: str, description: str) -> Priority:
    return Priority.objects.create(
        programme=programme, kind=kind, title=title.strip(), description=description.strip(), proposed_by=by
    )


def priority_comment_add(*, priority: Priority, by, text: str) -> PriorityComment:
    return PriorityComment.objects.create(priority=priority, author=by, text=text.strip())


def priority_support(*, priority: Priority, member) -> bool:
    """Back a priority; supporting it twice changes nothing. True if this added a support."""
    try:
        with transaction.atomic():
            _, created = Support.objects.get_or_create(priority=priority, member=member)
    except IntegrityError:  # the same member's second click arrived at the same moment
        return False
    return created


def priority_support_withdraw(*, priority: Priority, member) -> bool:
    deleted, _ = Support.objects.filter(priority=priority, member=member).delete()
    return bool(deleted)


def _latest_in_chain(decision: Decision) -> Decision:
    """The newest revision of a decision: a decision can be revised only once, so revise the last."""
    while True:
        try:
            decision = decision.revised_by
        except ObjectDoesNotExist:
            return decision


@transaction.atomic
def shortlist_agree(
    *, programme: Programme, ranked: list[Priority], decided_by: str, decided_on: date, by, revision_reason: str = "",
    stage: Stage | None = None,
) -> Shortlist:
    """Record the ranked shortlist the group agreed: an activity in the current stage, a decision
    informed by it (and by whatever informed the shortlisted priorities), and the ranks. A later
    shortlist revises the earlier decision with a reason; the earlier one is never changed."""
    Programme.objects.select_for_update().filter(pk=programme.pk).first()  # one agreement at a time
    if not ranked:
        raise ValidationError("Give at least one priority a place in the shortlist")
    if any(priority.programme_id != programme.pk for priority in ranked):
        raise ValidationError("Every priority must belong to this programme")
    previous = shortlist_latest(programme=programme)
    if previous is not None and not revision_reason.strip():
        raise ValidationError("Enter why the shortlist has changed")
    supporters = dict(
        Support.objects.filter(priority__in=ranked).values("priority").annotate(n=Count("pk")).values_list("priority", "n")
    )
    revising = previous is not None
    stage = stage or programme.current_stage
    activity = Activity.objects.create(
        programme=programme,
        stage=stage,
        kind=ActivityKind.PRIORITY_SETTING,
        title="Revising the shortlist of priorities" if revising else "Agreeing the shortlist of priorities",
        happened_on=decided_on,
        summary="Group members proposed, discussed and supported priorities and desired outcomes, then agreed a ranked shortlist.",
        ladder_rung=LadderRung.CO_PRODUCING,
        recorded_by=by,
    )
    activity_participants_set(activity=activity, members=people_who_took_part(programme=programme))
    lines = [f"{rank}. {priority.title}" for rank, priority in enumerate(ranked, start=1)]
    evidence = [
        f"{rank}. {priority.title}: supported by {supporters.get(priority.pk, 0)} "
        f"member{'' if supporters.get(priority.pk, 0) == 1 else 's'}"
        for rank, priority in enumerate(ranked, start=1)
    ]
    decision = Decision.objects.create(
        programme=programme,
        stage=stage,
        title="Shortlist of priorities revised" if revising else "Shortlist of priorities agreed",
        decision="The agreed shortlist, in order:\n" + "\n".join(lines),
        decided_on=decided_on,
        decided_by=decided_by.strip(),
        evidence="Support from group members when the shortlist was agreed:\n" + "\n".join(evidence),
        revises=_latest_in_chain(previous.decision) if revising else None,
        revision_reason=revision_reason.strip() if revising else "",
        recorded_by=by,
    )
    informed_by = {activity.pk} | set(
        Activity.objects.filter(priorities__in=ranked).values_list("pk", flat=True)
    )
    decision.informed_by.set(informed_by)
    shortlist = Shortlist.objects.create(programme=programme, decision=decision, activity=activity, recorded_by=by)
    ShortlistEntry.objects.bulk_create(
        ShortlistEntry(shortlist=shortlist, priority=priority, rank=rank, supporters=supporters.get(priority.pk, 0))
        for rank, priority in enumerate(ranked, start=1)
    )
    return shortlist


def _next_position(queryset) -> int:
    return (queryset.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def outcome_create(
    *, programme: Programme, title: str, description: str = "", from_priority: Priority | None = None
) -> Outcome:
    """Add an outcome at the end of the framework; from an agreed desired outcome, it carries over
    what informed that outcome and the shortlist that agreed it."""
    outcome = Outcome.objects.create(
        programme=programme,
        title=title.strip(),
        description=description.strip(),
        position=_next_position(Outcome.objects.filter(programme=programme)),
        from_priority=from_priority,
    )
    if from_priority is not None:
        informed = set(from_priority.informed_by.values_list("pk", flat=True)) | set(
            Shortlist.objects.filter(entries__priority=from_priority).values_list("activity_id", flat=True)
        )
        outcome.informed_by.set(informed)
    return outcome


def outcome_update(*, outcome: Outcome, title: str, description: str, position: int) -> Outcome:
    outcome.title, outcome.description, outcome.position = title.strip(), description.strip(), position
    outcome.save(update_fields=["title", "description", "position"])
    return outcome


def outcome_comment_add(*, outcome: Outcome, by, text: str) -> OutcomeComment:
    return OutcomeComment.objects.create(outcome=outcome, author=by, text=text.strip())


def indicator_create(*, outcome: Outcome, name: str, how_measured: str, who_measures: str, data_source: str = "") -> Indicator:
    return Indicator.objects.create(
        outcome=outcome,
        name=name.strip(),
        how_measured=how_measured.strip(),
        who_measures=who_measures.strip(),
        data_source=data_source.strip(),
        position=_next_position(outcome.indicators.all()),
    )


def indicator_update(*, indicator: Indicator, data: dict) -> Indicator:
    for field in ("name", "how_measured", "who_measures", "data_source"):
        setattr(indicator, field, data[field].strip())
    indicator.position = data["position"]
    indicator.save(update_fields=["name", "how_measured", "who_measures", "data_source", "position"])
    return indicator


def indicator_retire(*, indicator: Indicator) -> Indicator:
    """Take an indicator out of the framework. The row stays: monitoring may hold figures for it."""
    if indicator.retired_on is None:
        indicator.retired_on = timezone.localdate()
        indicator.save(update_fields=["retired_on"])
    return indicator


@transaction.atomic
def evidence_record(
    *, programme: Programme, by, data: dict, file: UploadedFile | None = None, file_type: str = "",
    own_story: bool = False, request: HttpRequest | None = None,
) -> Evidence:
    is_story = data["kind"] == Evidence.Kind.STORY
    if is_story and not (data.get("consent_given") and data.get("consent_given_on") and data.get("consent_how", "").strip()):
        raise ValidationError("A story needs the consent of the person who told it")
    evidence = Evidence(
        programme=programme,
        kind=data["kind"],
        title=data["title"].strip(),
        text=data["text"].strip(),
        source=data.get("source", "").strip(),
        link=data.get("link", ""),
        recorded_by=by,
    )
    if is_story:
        evidence.told_by = data["told_by"].strip()
        evidence.teller = by if own_story else None
        evidence.consent_given = True
        evidence.consent_given_on = data["consent_given_on"]
        evidence.consent_how = data["consent_how"].strip()
    if file is not None:
        evidence.file = file  # saved under a random name by evidence_file_path
        evidence.file_type = file_type
    evidence.save()
    evidence.priorities.set(data.get("priorities") or [])
    if is_story:
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=evidence, subject=evidence.teller, request=request, detail="story recorded with consent")
        from coproduction.governance.consent.services import evidence_story_consent

        evidence_story_consent(evidence=evidence, given=True, by=by, request=request)
    return evidence


@transaction.atomic
def evidence_withdraw(*, evidence: Evidence, by, request: HttpRequest | None = None) -> Evidence:
    """Withdraw a story (the teller's consent ended) or remove other evidence. What it said, who
    told it and any file are erased at once; the row stays to show when and by whom."""
    if evidence.withdrawn_at is not None:
        return evidence
    stored = evidence.file.name if evidence.file else ""
    evidence.withdrawn_at = timezone.now()
    evidence.withdrawn_by = by
    evidence.title = "Withdrawn story" if evidence.is_story else "Removed evidence"
    evidence.text = ""
    evidence.told_by = ""
    evidence.source = ""
    evidence.link = ""
    evidence.file = ""
    evidence.file_type = ""
    evidence.save()
    evidence.priorities.clear()
    if stored:
        storage = Evidence._meta.get_field("file").storage
        transaction.on_commit(lambda: storage.delete(stored))
    audit_record(
        actor=by, action=AuditEvent.Action.DELETE, obj=evidence, subject=evidence.teller, request=request,
        detail="story withdrawn" if evidence.is_story else "evidence removed",
    )
    if evidence.is_story:
        from coproduction.governance.consent.services import evidence_story_consent

        evidence_story_consent(evidence=evidence, given=False, by=by, request=request)
    return evidence
