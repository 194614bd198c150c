"""Writes for surveys, focus groups, complaints and co-assessment. (Working Together for Change
lives in wtfc_services.py.)"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from commissioning.participants import activity_participants_set
from commissioning.models import Activity, ActivityKind, Decision, LadderRung, Programme
from commissioning.services import decision_record, stage_for_activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .models import (
    CoAssessment,
    FocusGroup,
    FocusGroupTheme,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyQuestion,
    SurveyResponse,
)

NOT_DRAFT = "This survey is already open, so its questions cannot change."


def _activity(*, programme: Programme, kind: str, title: str, by, happened_on=None, rung=LadderRung.CONSULTING, summary="") -> Activity:
    return Activity.objects.create(
        programme=programme, stage=stage_for_activity(programme=programme, kind=kind), kind=kind, title=title, happened_on=happened_on,
        ladder_rung=rung, recorded_by=by, summary=summary,
    )


# --- Surveys --------------------------------------------------------------------------------


@transaction.atomic
def survey_create(*, programme: Programme, by, title: str, intro: str = "", anonymous: bool = True,
                  shared_by_link: bool = False, contract=None) -> Survey:
    activity = _activity(programme=programme, kind=ActivityKind.SURVEY, title=title, by=by)
    return Survey.objects.create(
        programme=programme, activity=activity, title=title.strip(), intro=intro.strip(), anonymous=anonymous,
        shared_by_link=shared_by_link, contract=contract, created_by=by,
    )


@transaction.atomic
def question_add(*, survey: Survey, kind: str, text: str, hint: str = "", options=(), required: bool = True) -> SurveyQuestion:
    if not survey.is_draft:
        raise ValidationError(NOT_DRAFT)
    options = [option.strip() for option in options if option.strip()]
    if kind in (SurveyQuestion.Kind.RADIOS, SurveyQuestion.Kind.CHECKBOXES) and len(options) < 2:
        raise ValidationError("Enter at least 2 answers to choose from, one on each line")
    if len(set(option.lower() for option in options)) != len(options):
        raise ValidationError("Each answer to choose from must be different")
    position = (survey.questions.aggregate(top=Max("position"))["top"] or 0) + 1
    return SurveyQuestion.objects.create(
        survey=survey, kind=kind, text=text.strip(), hint=hint.strip(), position=position, required=required,
        options=options if kind in (SurveyQuestion.Kind.RADIOS, SurveyQuestion.Kind.CHECKBOXES) else [],
    )


def question_remove(*, question: SurveyQuestion) -> None:
    if not question.survey.is_draft:
        raise ValidationError(NOT_DRAFT)
    question.delete()


@transaction.atomic
def survey_open(*, survey: Survey, by) -> Survey:
    if not survey.is_draft:
        raise ValidationError("This survey is already open or closed.")
    if not survey.questions.exists():
        raise ValidationError("Add at least one question before opening the survey")
    survey.status = Survey.Status.OPEN
    survey.save(update_fields=["status"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=survey, detail="opened")
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, by) -> Survey:
    if not survey.is_open:
        raise ValidationError("Only an open survey can be closed.")
    survey.status, survey.closed_at = Survey.Status.CLOSED, timezone.now()
    survey.save(update_fields=["status", "closed_at"])
    activity = survey.activity
    activity.happened_on = timezone.localdate()
    activity.others_taking_part = survey.responses.count()
    activity.save(update_fields=["happened_on", "others_taking_part"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=survey, detail="closed")
    return survey


@transaction.atomic
def survey_answer(*, survey: Survey, questions: list[SurveyQuestion], answers: dict, user=None) -> SurveyResponse:
    """Save one person's answers. answers: question id -> str, list of str, or int. A signed-in
    member answers once; by link nobody is recorded."""
    if not survey.is_open:
        raise ValidationError("This survey is closed.")
    if user is not None:
        try:
            with transaction.atomic():
                SurveyParticipation.objects.create(survey=survey, user=user)
        except IntegrityError:
            raise ValidationError("You have already answered this survey. Thank you.") from None
    response = SurveyResponse.objects.create(survey=survey, respondent=None if survey.anonymous or user is None else user)
    rows = []
    for question in questions:
        value = answers.get(question.pk)
        if value in (None, "", []):
            continue
        if question.kind == SurveyQuestion.Kind.CHECKBOXES:
            rows += [SurveyAnswer(response=response, question=question, option=option) for option in value]
        elif question.kind == SurveyQuestion.Kind.RADIOS:
            rows.append(SurveyAnswer(response=response, question=question, option=value))
        elif question.kind == SurveyQuestion.Kind.SCALE:
            rows.append(SurveyAnswer(response=response, question=question, number=int(value)))
        else:
            rows.append(SurveyAnswer(response=response, question=question, text=str(value).strip()))
    SurveyAnswer.objects.bulk_create(rows)
    return response


# --- Focus groups ---------------------------------------------------------------------------


@transaction.atomic
def focus_group_record(*, programme: Programme, by, title: str, held_on, people_count: int, summary: str = "",
                       contract=None, participants=()) -> FocusGroup:
    activity = _activity(
        programme=programme, kind=ActivityKind.FOCUS_GROUP, title=title, by=by, happened_on=held_on,
        rung=LadderRung.ENGAGING, summary=summary,
    )
    activity.others_taking_part = people_count
    activity.save(update_fields=["others_taking_part"])
    activity_participants_set(activity=activity, members=participants)
    return FocusGroup.objects.create(programme=programme, activity=activity, contract=contract, people_count=people_count)


def focus_group_theme_add(*, focus_group: FocusGroup, theme: str, people_count: int, what_people_said: str = "",
                          suggestion: str = "") -> FocusGroupTheme:
    if people_count > focus_group.people_count:
        raise ValidationError(f"No more than the {focus_group.people_count} people at the focus group can have said it")
    return FocusGroupTheme.objects.create(
        focus_group=focus_group, theme=theme.strip(), people_count=people_count,
        what_people_said=what_people_said.strip(), suggestion=suggestion.strip(),
    )


# --- Complaints ----------------------------------------------------------------------------


def complaint_log(*, contract, by, kind: str, theme: str, outcome: str, received_on, summary: str = ""):
    from commissioning.monitoring.models import Complaint

    if received_on > timezone.localdate():
        raise ValidationError("The date it was received must be today or in the past")
    complaint = Complaint.objects.create(
        contract=contract, kind=kind, theme=theme, outcome=outcome, received_on=received_on, summary=summary.strip(), recorded_by=by,
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=complaint)
    return complaint


# --- Co-assessment --------------------------------------------------------------------------


@transaction.atomic
def co_assessment_start(*, programme: Programme, by, contract, title: str, looking_at_from, looking_at_to,
                        participants=()) -> CoAssessment:
    if contract.programme_id != programme.pk:
        raise ValidationError("Choose a contract from this programme")
    if looking_at_to < looking_at_from:
        raise ValidationError("The end of the period must be the same as or after the start")
    if any(member.programme_id != programme.pk for member in participants):
        raise ValidationError("Choose people from this programme's group")
    activity = _activity(programme=programme, kind=ActivityKind.CO_ASSESSMENT, title=title, by=by, rung=LadderRung.CO_PRODUCING)
    activity_participants_set(activity=activity, members=participants)
    co_assessment = CoAssessment.objects.create(
        programme=programme, contract=contract, activity=activity, looking_at_from=looking_at_from,
        looking_at_to=looking_at_to, created_by=by,
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=co_assessment)
    return co_assessment


@transaction.atomic
def co_assessment_decide(*, co_assessment: CoAssessment, by, findings: str, change_needed: str, what_change: str,
                         decision_title: str, decided_by: str, revises: Decision | None = None, reason: str = "") -> Decision:
    """Record what the group agreed in the decisions log, revising an earlier decision if it changes one."""
    co_assessment = CoAssessment.objects.select_for_update().get(pk=co_assessment.pk)
    if co_assessment.decision_id:
        raise ValidationError("The group's decision is already recorded for this co-assessment.")
    if change_needed != CoAssessment.ChangeNeeded.NO and not what_change.strip():
        raise ValidationError("Say what the change looks like")
    if revises is not None and revises.programme_id != co_assessment.programme_id:
        raise ValidationError("Choose a decision from this programme")
    label = CoAssessment.ChangeNeeded(change_needed).label
    decision = decision_record(
        programme=co_assessment.programme, by=by, revises=revises, reason=reason,
        data={
            "title": decision_title.strip(), "decided_by": decided_by.strip(), "stage": co_assessment.programme.current_stage,
            "decision": f"{label}. {what_change.strip()}".strip(),
            "evidence": findings.strip(), "informed_by": [co_assessment.activity],
        },
    )
    co_assessment.findings, co_assessment.change_needed, co_assessment.what_change = findings.strip(), change_needed, what_change.strip()
    co_assessment.decision = decision
    co_assessment.save(update_fields=["findings", "change_needed", "what_change", "decision"])
    activity = co_assessment.activity
    if activity.happened_on is None:
        activity.happened_on = timezone.localdate()
        activity.save(update_fields=["happened_on"])
    return decision
