"""Writing contracts, meetings, returns, frameworks and quality visits. Every write is audited;
checks that depend on a record's state (a submitted report, minutes put forward) are made
inside the transaction, on the row locked for it."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioning.involvement.selectors import preferred_formats
from commissioning.participants import activity_attendance_record, activity_participants_set
from commissioning.services import stage_for_activity
from commissioning.models import (
    Activity,
    ActivityKind,
    GroupMember,
    LadderRung,
    Programme,
)
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost

from . import notices
from .models import (
    Action,
    Contract,
    Finding,
    IndicatorReport,
    MeetingMember,
    MeetingPaper,
    MonitoringMeeting,
    MonitoringReturn,
    QualityCharacteristic,
    QualityFramework,
    QualityVisit,
    ReturnFigure,
)

CREATE, CHANGE, DELETE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE, AuditEvent.Action.DELETE
CONTRACT_FIELDS = ["provider", "service_name", "description", "starts_on", "ends_on", "value"]
MEETING_FIELDS = ["title", "date", "starts_at", "place", "agenda", "agenda_easy_read"]
SUBMITTED_MESSAGE = "This report has been sent to the commissioners and cannot change."
IN_USE_MESSAGE = "Assessors have reported against this framework, so it cannot change. Start a new framework instead."


def _monitoring_stage(programme: Programme):
    """The stage monitoring belongs to (by default "Deliver and monitor together")."""
    return stage_for_activity(programme=programme, kind=ActivityKind.MONITORING_MEETING)


def _check_contract(data: dict, programme: Programme, indicators) -> None:
    if data["ends_on"] < data["starts_on"]:
        raise ValidationError({"ends_on": "The end date must be the same as or after the start date"})
    if data["provider"].kind != "provider":
        raise ValidationError({"provider": "Select a provider organisation"})
    if any(indicator.outcome.programme_id != programme.pk for indicator in indicators):
        raise ValidationError({"indicators": "Select indicators from this programme's outcomes framework"})


@transaction.atomic
def contract_create(*, programme: Programme, data: dict, indicators, by, request=None) -> Contract:
    indicators = list(indicators)
    _check_contract(data, programme, indicators)
    contract = Contract.objects.create(programme=programme, created_by=by, **{name: data[name] for name in CONTRACT_FIELDS})
    contract.indicators.set(indicators)
    audit_record(actor=by, action=CREATE, obj=contract, request=request)
    return contract


@transaction.atomic
def contract_update(*, contract: Contract, data: dict, indicators, by, request=None) -> Contract:
    indicators = list(indicators)
    _check_contract(data, contract.programme, indicators)
    for name in CONTRACT_FIELDS:
        setattr(contract, name, data[name])
    contract.save()
    contract.indicators.set(indicators)
    audit_record(actor=by, action=CHANGE, obj=contract, request=request)
    return contract


# --- Meetings ----------------------------------------------------------------------------


def _activity_summary(meeting: MonitoringMeeting) -> str:
    return f"Monitoring meeting for {meeting.contract.service_name} with {meeting.contract.provider.name}."


@transaction.atomic
def meeting_create(*, contract: Contract, data: dict, by, request=None) -> MonitoringMeeting:
    activity = Activity.objects.create(
        programme=contract.programme, stage=_monitoring_stage(contract.programme), kind=ActivityKind.MONITORING_MEETING,
        title=data["title"], summary=f"Monitoring meeting for {contract.service_name} with {contract.provider.name}.",
        ladder_rung=LadderRung.CO_PRODUCING, recorded_by=by,
    )
    meeting = MonitoringMeeting.objects.create(contract=contract, activity=activity, created_by=by, **{n: data[n] for n in MEETING_FIELDS})
    # The person arranging it sits on it; others are added next.
    MeetingMember.objects.create(meeting=meeting, user=by, role=MeetingMember.Role.CHAIR)
    audit_record(actor=by, action=CREATE, obj=meeting, request=request)
    return meeting


@transaction.atomic
def meeting_update(*, meeting: MonitoringMeeting, data: dict, by, request=None) -> MonitoringMeeting:
    for name in MEETING_FIELDS:
        setattr(meeting, name, data[name])
    meeting.save()
    activity = meeting.activity
    activity.title = data["title"]
    if activity.happened_on is not None:
        activity.happened_on = meeting.date
    activity.save(update_fields=["title", "happened_on"])
    audit_record(actor=by, action=CHANGE, obj=meeting, request=request)
    return meeting


@transaction.atomic
def member_add(*, meeting: MonitoringMeeting, user, role: str, by, request=None) -> MeetingMember:
    if MeetingMember.objects.filter(meeting=meeting, user=user).exists():
        raise ValidationError({"user": f"{user.display_name} is already a member of this meeting"})
    member = MeetingMember.objects.create(meeting=meeting, user=user, role=role)
    audit_record(actor=by, action=CREATE, obj=member, subject=None, request=request, detail="meeting member added")
    notices.member_invited(member=member, by=by)
    return member


@transaction.atomic
def member_remove(*, member: MeetingMember, by, request=None) -> None:
    audit_record(actor=by, action=DELETE, obj=member, request=request, detail="meeting member removed")
    member.delete()
    access_lost(user_id=member.user_id)


@transaction.atomic
def paper_add(*, meeting: MonitoringMeeting, title: str, text: str, easy_read_text: str, file=None, file_type: str = "", by, request=None) -> MeetingPaper:
    if not text.strip() and file is None:
        raise ValidationError({"text": "Write the paper or choose a file to upload"})
    position = meeting.papers.count() + 1
    paper = MeetingPaper(meeting=meeting, title=title, text=text, easy_read_text=easy_read_text, position=position, added_by=by)
    if file is not None:
        paper.file = file
        paper.file_type = file_type
        paper.file_size = file.size
    paper.save()
    audit_record(actor=by, action=CREATE, obj=paper, request=request)
    return paper


@transaction.atomic
def paper_remove(*, paper: MeetingPaper, by, request=None) -> None:
    audit_record(actor=by, action=DELETE, obj=paper, request=request)
    stored = paper.file.name if paper.file else ""
    storage = paper.file.storage if paper.file else None
    paper.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))


@transaction.atomic
def papers_send(*, meeting: MonitoringMeeting, by, request=None) -> list[MeetingMember]:
    """Record that the papers went to every member in the format they asked for."""
    now = timezone.now()
    members = list(meeting.members.select_for_update())
    formats = preferred_formats([member.user_id for member in members])
    for member in members:
        member.papers_format, member.papers_sent_at = formats[member.user_id], now
    MeetingMember.objects.bulk_update(members, ["papers_format", "papers_sent_at"])
    meeting.papers_sent_at = now
    meeting.save(update_fields=["papers_sent_at"])
    audit_record(actor=by, action=CHANGE, obj=meeting, request=request, detail=f"papers sent to {len(members)} members")
    notices.papers_sent(meeting=meeting, members=members)
    return members


@transaction.atomic
def attendance_record(*, meeting: MonitoringMeeting, attended_ids: set[int], by, request=None) -> None:
    members = list(meeting.members.select_for_update().select_related("user"))
    for member in members:
        member.attended = member.pk in attended_ids
    MeetingMember.objects.bulk_update(members, ["attended"])
    # The meeting's activity records who took part, so reach figures count it.
    activity_attendance_record(activity=meeting.activity, came_user_ids=[member.user_id for member in members if member.attended],
                               happened_on=meeting.date)
    audit_record(actor=by, action=CHANGE, obj=meeting, request=request, detail="attendance recorded")


@transaction.atomic
def indicator_report_save(*, meeting: MonitoringMeeting, indicator, data: dict, by, request=None) -> IndicatorReport:
    if not meeting.contract.indicators.filter(pk=indicator.pk).exists():
        raise ValidationError("Choose one of this contract's indicators.")
    report, created = IndicatorReport.objects.select_for_update().get_or_create(
        meeting=meeting, indicator=indicator, defaults={"figure": data.get("figure", ""), "recorded_by": by},
    )
    for name in ("figure", "what_people_said", "representatives_view"):
        if name in data:
            setattr(report, name, data[name])
    if not report.figure.strip():
        raise ValidationError({"figure": "Enter the figure reported"})
    report.recorded_by, report.recorded_at = by, timezone.now()
    report.save()
    audit_record(actor=by, action=CREATE if created else CHANGE, obj=report, request=request)
    return report


@transaction.atomic
def minutes_put_forward(*, meeting: MonitoringMeeting, minutes: str, by, request=None) -> MonitoringMeeting:
    """Changed minutes go back to everyone: earlier agreement was to other words."""
    locked = MonitoringMeeting.objects.select_for_update().get(pk=meeting.pk)
    locked.minutes, locked.minutes_put_forward_at = minutes, timezone.now()
    locked.save(update_fields=["minutes", "minutes_put_forward_at"])
    MeetingMember.objects.filter(meeting=meeting).update(minutes_agreed_at=None)
    meeting.minutes, meeting.minutes_put_forward_at = locked.minutes, locked.minutes_put_forward_at
    audit_record(actor=by, action=CHANGE, obj=meeting, request=request, detail="minutes put forward for agreement")
    return meeting


@transaction.atomic
def minutes_agree(*, meeting: MonitoringMeeting, by, request=None) -> MeetingMember:
    locked = MonitoringMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.minutes_put_forward_at is None:
        raise ValidationError("The minutes have not been put forward for agreement yet.")
    member = MeetingMember.objects.get(meeting=meeting, user=by)
    if member.minutes_agreed_at is None:
        member.minutes_agreed_at = timezone.now()
        member.save(update_fields=["minutes_agreed_at"])
        audit_record(actor=by, action=CHANGE, obj=member, request=request, detail="minutes agreed")
    return member




@transaction.atomic
def action_add(*, contract: Contract, description: str, owner, due_on: date, meeting=None, quality_visit=None, by, request=None) -> Action:
    action = Action.objects.create(
        contract=contract, meeting=meeting, quality_visit=quality_visit, description=description, owner=owner, due_on=due_on, created_by=by,
    )
    audit_record(actor=by, action=CREATE, obj=action, request=request)
    return action


@transaction.atomic
def action_done(*, action: Action, by, request=None) -> Action:
    if action.done_on is None:
        action.done_on = timezone.localdate()
        action.save(update_fields=["done_on"])
        audit_record(actor=by, action=CHANGE, obj=action, request=request, detail="action done")
    return action


# --- Returns -----------------------------------------------------------------------------


@transaction.atomic
def return_save(*, contract: Contract, period: date, figures: dict, submit: bool, by, request=None) -> MonitoringReturn:
    """figures: indicator -> (value or None, what people said). Empty pairs are left out."""
    filled = {indicator: pair for indicator, pair in figures.items() if pair[0] is not None or pair[1].strip()}
    if submit and not filled:
        raise ValidationError("Enter at least one figure or what people said before sending")
    allowed = set(contract.indicators.values_list("pk", flat=True))
    if any(indicator.pk not in allowed for indicator in filled):
        raise ValidationError("Choose this contract's indicators.")
    monitoring_return, created = MonitoringReturn.objects.select_for_update().get_or_create(contract=contract, period=period)
    monitoring_return.figures.all().delete()
    ReturnFigure.objects.bulk_create(
        ReturnFigure(monitoring_return=monitoring_return, indicator=indicator, value=value, what_people_said=said.strip())
        for indicator, (value, said) in filled.items()
    )
    monitoring_return.updated_at = timezone.now()
    if submit:
        monitoring_return.submitted_by, monitoring_return.submitted_at = by, timezone.now()
    monitoring_return.save()
    audit_record(actor=by, action=CREATE if created else CHANGE, obj=monitoring_return, request=request,
                 detail="return sent" if submit else "return saved")
    return monitoring_return


# --- Quality frameworks ------------------------------------------------------------------


@transaction.atomic
def framework_save(*, programme: Programme, framework: QualityFramework | None, data: dict, informed_by, by, request=None) -> QualityFramework:
    informed_by = list(informed_by)
    if any(activity.programme_id != programme.pk for activity in informed_by):
        raise ValidationError({"informed_by": "Choose activities from this programme"})
    if framework is None:
        framework = QualityFramework.objects.create(programme=programme, title=data["title"], how_it_was_made=data["how_it_was_made"], created_by=by)
        action = CREATE
    else:
        framework.title, framework.how_it_was_made = data["title"], data["how_it_was_made"]
        framework.save(update_fields=["title", "how_it_was_made"])
        action = CHANGE
    framework.informed_by.set(informed_by)
    audit_record(actor=by, action=action, obj=framework, request=request)
    return framework


def _framework_open(framework: QualityFramework) -> None:
    QualityFramework.objects.select_for_update().get(pk=framework.pk)
    if Finding.objects.filter(characteristic__framework=framework).exists():
        raise ValidationError(IN_USE_MESSAGE)


@transaction.atomic
def characteristic_save(*, framework: QualityFramework, characteristic: QualityCharacteristic | None, data: dict, by, request=None) -> QualityCharacteristic:
    _framework_open(framework)
    if characteristic is None:
        characteristic = QualityCharacteristic(framework=framework, position=framework.characteristics.count() + 1)
    for name in ("title", "what_good_looks_like", "what_to_look_for"):
        setattr(characteristic, name, data[name])
    action = CREATE if characteristic.pk is None else CHANGE
    characteristic.save()
    audit_record(actor=by, action=action, obj=characteristic, request=request)
    return characteristic


@transaction.atomic
def characteristic_remove(*, characteristic: QualityCharacteristic, by, request=None) -> None:
    _framework_open(characteristic.framework)
    audit_record(actor=by, action=DELETE, obj=characteristic, request=request)
    characteristic.delete()


# --- Quality visits ----------------------------------------------------------------------


@transaction.atomic
def visit_assign(*, contract: Contract, framework: QualityFramework, method: str, planned_on: date, brief: str, assessors, by, request=None) -> QualityVisit:
    assessors = list(assessors)
    if framework.programme_id != contract.programme_id:
        raise ValidationError({"framework": "Select a framework from this programme"})
    if not assessors or any("quality_assessor" not in user.roles for user in assessors):
        raise ValidationError({"assessors": "Select at least one quality assessor"})
    method_label = QualityVisit(method=method).get_method_display()
    activity = Activity.objects.create(
        programme=contract.programme, stage=_monitoring_stage(contract.programme), kind=ActivityKind.QUALITY_VISIT,
        title=f"{method_label}: {contract.service_name}", summary=f"Quality check by people who use services, using “{framework.title}”.",
        ladder_rung=LadderRung.CO_PRODUCING, recorded_by=by,
    )
    visit = QualityVisit.objects.create(
        contract=contract, activity=activity, framework=framework, method=method, planned_on=planned_on, brief=brief, assigned_by=by,
    )
    visit.assessors.set(assessors)
    group = GroupMember.objects.filter(programme_id=contract.programme_id, user__in=assessors)
    activity_participants_set(activity=activity, members=group)
    activity.others_taking_part = len(assessors) - group.count()
    activity.save(update_fields=["others_taking_part"])
    audit_record(actor=by, action=CREATE, obj=visit, request=request)
    return visit


def _locked_visit(visit: QualityVisit, status: str, message: str) -> QualityVisit:
    locked = QualityVisit.objects.select_for_update().get(pk=visit.pk)
    if locked.status != status:
        raise ValidationError(message)
    return locked


@transaction.atomic
def findings_save(*, visit: QualityVisit, visited_on: date | None, summary: str, findings: dict, submit: bool, by, request=None) -> QualityVisit:
    """findings: characteristic -> (rating or None, evidence). Unrated characteristics are left out."""
    locked = _locked_visit(visit, QualityVisit.Status.ASSIGNED, SUBMITTED_MESSAGE)
    if any(characteristic.framework_id != visit.framework_id for characteristic in findings):
        raise ValidationError("Choose characteristics from this visit's framework.")
    kept = {c: (rating, evidence.strip()) for c, (rating, evidence) in findings.items() if rating}
    if submit:
        errors = {}
        if visited_on is None:
            errors["visited_on"] = "Enter the date of the visit"
        if not kept:
            errors["__all__"] = "Rate at least one quality characteristic before sending the report"
        if errors:
            raise ValidationError(errors)
    visit.findings.all().delete()
    Finding.objects.bulk_create(
        Finding(visit=visit, characteristic=c, rating=rating, evidence=evidence, recorded_by=by) for c, (rating, evidence) in kept.items()
    )
    locked.visited_on, locked.summary = visited_on, summary
    fields = ["visited_on", "summary"]
    if submit:
        locked.status, locked.submitted_by, locked.submitted_at = QualityVisit.Status.SUBMITTED, by, timezone.now()
        fields += ["status", "submitted_by", "submitted_at"]
        activity = visit.activity
        activity.happened_on = visited_on
        activity.save(update_fields=["happened_on"])
    locked.save(update_fields=fields)
    for name in fields:
        setattr(visit, name, getattr(locked, name))
    audit_record(actor=by, action=CHANGE, obj=visit, request=request, detail="report sent" if submit else "findings saved")
    return visit


@transaction.atomic
def visit_review(*, visit: QualityVisit, notes: str, by, request=None) -> QualityVisit:
    locked = _locked_visit(visit, QualityVisit.Status.SUBMITTED, "Only a report sent by the assessors can be reviewed.")
    locked.review_notes, locked.reviewed_by, locked.reviewed_at = notes, by, timezone.now()
    locked.status = QualityVisit.Status.REVIEWED
    locked.save(update_fields=["review_notes", "reviewed_by", "reviewed_at", "status"])
    visit.review_notes, visit.reviewed_by, visit.reviewed_at, visit.status = locked.review_notes, by, locked.reviewed_at, locked.status
    audit_record(actor=by, action=CHANGE, obj=visit, request=request, detail="report reviewed")
    return visit


@transaction.atomic
def visit_respond(*, visit: QualityVisit, response: str, by, request=None) -> QualityVisit:
    locked = _locked_visit(visit, QualityVisit.Status.REVIEWED, "The provider can respond once the commissioners have reviewed the report.")
    locked.provider_response, locked.responded_by, locked.responded_at = response, by, timezone.now()
    locked.save(update_fields=["provider_response", "responded_by", "responded_at"])
    visit.provider_response, visit.responded_by, visit.responded_at = response, by, locked.responded_at
    audit_record(actor=by, action=CHANGE, obj=visit, request=request, detail="provider responded")
    return visit
