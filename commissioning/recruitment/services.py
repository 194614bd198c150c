"""Writes for recruitment campaigns. Each checks its input here (not only in the form), raises
ValidationError with field names, saves nothing half-way, and is audited. Candidates' names
appear in no audit detail, decision or notice: those speak of the candidate's reference."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from commissioning.involvement.selectors import preferred_formats
from commissioning.models import Activity, ActivityKind, LadderRung, Programme
from commissioning.participants import group_member_takes_part
from commissioning.scoring import score_error
from commissioning.services import decision_record, stage_for_activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from . import notices
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

CREATE, CHANGE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE
AGREED_MESSAGE = "The values and questions have been agreed, so they can no longer change"
DECIDED_MESSAGE = "The panel has made its recommendation, so scores can no longer change"


def _blank(value) -> bool:
    return not (value or "").strip()


@transaction.atomic
def campaign_create(*, programme: Programme, data: dict, by, request=None) -> Campaign:
    """A campaign, its activity in the programme, and its chair: the person setting it up."""
    for name, message in (("post", "Enter the job being recruited to"), ("team", "Enter the team the job is in"),
                          ("about", "Say what the job is, in plain English")):
        if _blank(data.get(name)):
            raise ValidationError({name: message})
    if data.get("closing_date") is None:
        raise ValidationError({"closing_date": "Enter the closing date"})
    activity = Activity.objects.create(
        programme=programme, stage=stage_for_activity(programme=programme, kind=ActivityKind.RECRUITMENT_PANEL),
        kind=ActivityKind.RECRUITMENT_PANEL,
        title=f"Recruitment panel: {data['post'].strip()}"[:200], summary=data["about"].strip(),
        ladder_rung=LadderRung.CO_PRODUCING, recorded_by=by,
    )
    campaign = Campaign.objects.create(
        programme=programme, activity=activity, post=data["post"].strip(), team=data["team"].strip(),
        closing_date=data["closing_date"], about=data["about"].strip(), about_easy_read=(data.get("about_easy_read") or "").strip(),
        created_by=by,
    )
    CampaignMember.objects.create(campaign=campaign, user=by, role=CampaignMember.Role.CHAIR, added_by=by)
    group_member_takes_part(activity=campaign.activity, user=by)
    audit_record(actor=by, action=CREATE, obj=campaign, request=request, detail="recruitment campaign set up")
    return campaign


def member_add(*, campaign: Campaign, user, role: str, by, request=None) -> CampaignMember:
    if role not in CampaignMember.Role.values or role == CampaignMember.Role.CHAIR:
        raise ValidationError({"role": "Select the member's place on the panel"})
    if campaign.closed_on is not None:
        raise ValidationError("The appointment has been decided, so the panel can no longer change")
    try:
        with transaction.atomic():
            member = CampaignMember.objects.create(campaign=campaign, user=user, role=role, added_by=by)
            group_member_takes_part(activity=campaign.activity, user=user)
            audit_record(actor=by, action=CREATE, obj=member, subject=user, request=request, detail="added to recruitment panel")
    except IntegrityError:
        raise ValidationError({"user": "This person is already on the panel"}) from None
    notices.member_added(member=member, by=by)
    return member


@transaction.atomic
def briefing_send(*, campaign: Campaign, by, request=None) -> list[CampaignMember]:
    """Send every member their briefing pack in the format they asked for, and tell them."""
    members = list(CampaignMember.objects.select_for_update().filter(campaign=campaign).select_related("user").order_by("pk"))
    formats = preferred_formats([member.user_id for member in members])
    now = timezone.now()
    for member in members:
        member.briefing_format, member.briefing_sent_at = formats[member.user_id], now
    CampaignMember.objects.bulk_update(members, ["briefing_format", "briefing_sent_at"])
    audit_record(actor=by, action=CHANGE, obj=campaign, request=request, detail=f"briefing packs sent to {len(members)} members")
    notices.briefing_ready(campaign=campaign, members=members, sent_at=now)
    return members


@transaction.atomic
def conflicts_declare(*, member: CampaignMember, known: dict[int, str], by, request=None) -> CampaignMember:
    """Record whom the member knows among the candidates ({candidate id: how}), replacing what
    they declared before; declaring nobody counts as declaring."""
    candidates = set(Candidate.objects.filter(campaign_id=member.campaign_id).values_list("pk", flat=True))
    if not set(known) <= candidates:
        raise ValidationError({"known": "Select candidates of this campaign"})
    for candidate_id, details in known.items():
        if _blank(details):
            raise ValidationError({"details": "Say how you know each candidate you selected"})
    scored = set(CandidateScore.objects.filter(member=member).values_list("candidate_id", flat=True))
    if set(known) & scored:
        raise ValidationError({"known": "You have already scored a candidate you selected: tell the chair instead"})
    CandidateConflict.objects.filter(member=member).exclude(candidate_id__in=known).delete()
    existing = set(CandidateConflict.objects.filter(member=member).values_list("candidate_id", flat=True))
    CandidateConflict.objects.bulk_create([
        CandidateConflict(member=member, candidate_id=candidate_id, details=details.strip())
        for candidate_id, details in known.items() if candidate_id not in existing
    ])
    member.conflicts_declared_at = timezone.now()
    member.save(update_fields=["conflicts_declared_at"])
    audit_record(actor=by, action=CHANGE, obj=member, request=request, detail=f"declared knowing {len(known)} candidates")
    return member


def _preparing(campaign: Campaign) -> None:
    if campaign.values_decision_id is not None:
        raise ValidationError(AGREED_MESSAGE)


@transaction.atomic
def value_propose(*, campaign: Campaign, title: str, meaning: str, by, request=None) -> PostValue:
    _preparing(campaign)
    if _blank(title):
        raise ValidationError({"title": "Enter the value"})
    if _blank(meaning):
        raise ValidationError({"meaning": "Say what the value looks like in the job"})
    value = PostValue.objects.create(campaign=campaign, title=title.strip(), meaning=meaning.strip(), proposed_by=by)
    audit_record(actor=by, action=CREATE, obj=value, request=request)
    return value


@transaction.atomic
def question_propose(*, campaign: Campaign, value: PostValue, text: str, by, request=None) -> InterviewQuestion:
    _preparing(campaign)
    if value is None or value.campaign_id != campaign.pk:
        raise ValidationError({"value": "Select a value of this campaign"})
    if _blank(text):
        raise ValidationError({"text": "Enter the question"})
    question = InterviewQuestion.objects.create(campaign=campaign, value=value, text=text.strip(), proposed_by=by)
    audit_record(actor=by, action=CREATE, obj=question, request=request)
    return question


@transaction.atomic
def comment_add(*, value: PostValue, text: str, by, request=None) -> ValueComment:
    _preparing(value.campaign)
    if _blank(text):
        raise ValidationError({"text": "Enter your comment"})
    comment = ValueComment.objects.create(value=value, author=by, text=text.strip())
    audit_record(actor=by, action=CREATE, obj=comment, request=request)
    return comment


def panel_words(campaign: Campaign) -> str:
    """Who the panel is, for the decisions log: "the recruitment panel of 5, including 2 people
    who use services or carers"."""
    roles = list(CampaignMember.objects.filter(campaign=campaign).values_list("role", flat=True))
    lay = sum(1 for role in roles if role in CampaignMember.LAY_ROLES)
    return (f"The recruitment panel of {len(roles)}, including {lay} "
            f"{'person who uses services or carer' if lay == 1 else 'people who use services or carers'}")


@transaction.atomic
def values_agree(*, campaign: Campaign, value_ids, question_ids, by, request=None):
    """Agree the values and their questions, and record them as a decision in the programme's log."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    _preparing(campaign)
    value_ids, question_ids = set(value_ids), set(question_ids)
    values = {value.pk: value for value in PostValue.objects.filter(campaign=campaign, pk__in=value_ids)}
    questions = list(InterviewQuestion.objects.filter(campaign=campaign, pk__in=question_ids).order_by("value_id", "pk"))
    if not value_ids:
        raise ValidationError({"values": "Select at least one value"})
    if set(values) != value_ids or len(questions) != len(question_ids):
        raise ValidationError({"values": "Select values and questions of this campaign"})
    if any(question.value_id not in values for question in questions):
        raise ValidationError({"questions": "Select only questions for the values you agreed"})
    without = [values[pk].title for pk in values if not any(q.value_id == pk for q in questions)]
    if without:
        raise ValidationError({"questions": f"Agree at least one question for each value: none for {', '.join(without)}"})
    PostValue.objects.filter(pk__in=value_ids).update(agreed=True)
    InterviewQuestion.objects.filter(pk__in=question_ids).update(agreed=True)
    lines = []
    for value in values.values():
        lines.append(f"{value.title}: {value.meaning}")
        lines.extend(f"  Question: {question.text}" for question in questions if question.value_id == value.pk)
    decision = decision_record(programme=campaign.programme, by=by, data={
        "title": f"Values and interview questions for {campaign.post}"[:200],
        "decision": "The values that matter for the job, and the interview questions that test them:\n" + "\n".join(lines),
        "decided_by": panel_words(campaign)[:300], "informed_by": [campaign.activity],
    })
    campaign.values_decision = decision
    campaign.save(update_fields=["values_decision"])
    audit_record(actor=by, action=CHANGE, obj=campaign, request=request, detail="values and questions agreed")
    return decision


@transaction.atomic
def candidate_add(*, campaign: Campaign, name: str, user=None, by, request=None) -> Candidate:
    if _blank(name):
        raise ValidationError({"name": "Enter the candidate's name"})
    if Outcome.objects.filter(campaign=campaign).exists():
        raise ValidationError("The panel has made its recommendation, so no more candidates can be added")
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()  # one reference each, even at once
    number = Candidate.objects.filter(campaign=campaign).count() + 1
    candidate = Candidate.objects.create(campaign=campaign, reference=f"C{number}", name=name.strip(), user=user, added_by=by)
    audit_record(actor=by, action=CREATE, obj=candidate, subject=user, request=request, detail="candidate added")
    return candidate


def _can_score(member: CampaignMember | None, candidate: Candidate) -> None:
    campaign = candidate.campaign
    if member is None or not member.is_scorer:
        raise ValidationError("Only scoring members of the panel score candidates")
    if campaign.values_decision_id is None:
        raise ValidationError("The panel scores once the values and questions are agreed")
    if not member.has_declared:
        raise ValidationError("Say whether you know any of the candidates before scoring")
    if CandidateConflict.objects.filter(member=member, candidate=candidate).exists():
        raise ValidationError("You know this candidate, so you do not score them")
    if Outcome.objects.filter(campaign=campaign).exists():
        raise ValidationError(DECIDED_MESSAGE)


def _check_scores(campaign: Campaign, entered: dict[int, tuple[int | None, str]], reason_name: str) -> list[PostValue]:
    values = list(PostValue.objects.filter(campaign=campaign, agreed=True).order_by("pk"))
    errors = {}
    for value in values:
        score, reason = entered.get(value.pk, (None, ""))
        error = score_error(score, campaign.score_max, value.title)
        if error:
            errors[f"score_{value.pk}"] = error
        if _blank(reason):
            errors[f"reason_{value.pk}"] = f"Enter the {reason_name} for the score for {value.title}"
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def scores_submit(*, member: CampaignMember, candidate: Candidate, entered: dict[int, tuple[int | None, str]], by, request=None):
    """A member's own scores for a candidate, one per agreed value, each with a reason. Sent once."""
    _can_score(member, candidate)
    values = _check_scores(candidate.campaign, entered, "reason")
    if CandidateScore.objects.filter(member=member, candidate=candidate).exists():
        raise ValidationError("You have already sent your scores for this candidate")
    try:
        with transaction.atomic():
            scores = CandidateScore.objects.bulk_create([
                CandidateScore(candidate=candidate, member=member, value=value, score=entered[value.pk][0],
                               reason=entered[value.pk][1].strip())
                for value in values
            ])
    except IntegrityError:
        raise ValidationError("You have already sent your scores for this candidate") from None
    audit_record(actor=by, action=CREATE, obj=candidate, request=request, detail="scores sent")
    return scores


@transaction.atomic
def moderation_record(*, member: CampaignMember, candidate: Candidate, entered: dict[int, tuple[int | None, str]], by, request=None):
    """The chair records the score the panel agreed for each value, with why. Members' own
    scores are kept as they were."""
    if member is None or not member.is_chair:
        raise ValidationError("Only the chair moderates")
    _can_score(member, candidate)
    if not CandidateScore.objects.filter(member=member, candidate=candidate).exists():
        raise ValidationError("Send your own scores for this candidate before moderating")
    values = _check_scores(candidate.campaign, entered, "reason the panel agreed")
    for value in values:
        score, rationale = entered[value.pk]
        ModeratedScore.objects.update_or_create(
            candidate=candidate, value=value,
            defaults={"score": score, "rationale": rationale.strip(), "recorded_by": by, "recorded_at": timezone.now()},
        )
    audit_record(actor=by, action=CHANGE, obj=candidate, request=request, detail="moderated scores recorded")


@transaction.atomic
def recommend(*, campaign: Campaign, candidate: Candidate, text: str, by, request=None) -> Outcome:
    """The panel's recommendation, in the programme's decisions log by the candidate's reference."""
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if Outcome.objects.filter(campaign=campaign).exists():
        raise ValidationError("The panel has already made its recommendation")
    if candidate is None or candidate.campaign_id != campaign.pk:
        raise ValidationError({"candidate": "Select a candidate of this campaign"})
    if _blank(text):
        raise ValidationError({"text": "Say why the panel recommends this candidate"})
    agreed = PostValue.objects.filter(campaign=campaign, agreed=True).count()
    if not agreed or ModeratedScore.objects.filter(candidate=candidate).count() < agreed:
        raise ValidationError({"candidate": "Moderate this candidate's scores on every value before recommending them"})
    decision = decision_record(programme=campaign.programme, by=by, data={
        "title": f"Recruitment panel recommends candidate {candidate.reference} for {campaign.post}"[:200],
        "decision": text.strip(), "decided_by": panel_words(campaign)[:300], "informed_by": [campaign.activity],
    })
    outcome = Outcome.objects.create(campaign=campaign, candidate=candidate, candidate_reference=candidate.reference,
                                     recommendation=text.strip(), decision=decision, recorded_by=by)
    audit_record(actor=by, action=CREATE, obj=outcome, request=request, detail="recommendation recorded")
    return outcome


@transaction.atomic
def appointment_record(*, campaign: Campaign, appointment: str, reason: str, by, request=None) -> Outcome:
    """The appointing manager's decision on the recommendation; every member hears the outcome."""
    outcome = Outcome.objects.select_for_update().filter(campaign=campaign).first()
    if outcome is None:
        raise ValidationError("The panel has not made its recommendation yet")
    if outcome.appointment:
        raise ValidationError("The appointment has already been decided")
    if appointment not in Outcome.Appointment.values:
        raise ValidationError({"appointment": "Select whether you appointed the recommended candidate"})
    if _blank(reason):
        raise ValidationError({"reason": "Say why, in plain English"})
    words = ("appointed" if appointment == Outcome.Appointment.APPOINTED else "did not appoint")
    decision = decision_record(programme=campaign.programme, by=by, data={
        "title": f"Appointment to {campaign.post}"[:200],
        "decision": f"The appointing manager {words} candidate {outcome.candidate_reference}, as the panel recommended. {reason.strip()}",
        "decided_by": "The appointing manager, on the recruitment panel's recommendation",
        "informed_by": [campaign.activity],
    })
    now = timezone.now()
    outcome.appointment, outcome.appointment_reason, outcome.appointment_decision = appointment, reason.strip(), decision
    outcome.appointed_by, outcome.appointed_at = by, now
    outcome.save()
    campaign.closed_on = timezone.localdate()
    campaign.save(update_fields=["closed_on"])
    Activity.objects.filter(pk=campaign.activity_id, happened_on__isnull=True).update(happened_on=campaign.closed_on)
    audit_record(actor=by, action=CHANGE, obj=outcome, request=request, detail="appointment decided")
    notices.outcome_decided(campaign=campaign, outcome=outcome)
    return outcome


def recognition_record(*, campaign: Campaign, member: CampaignMember, category: str, amount, description: str = "",
                       rate=None, units=None, by, request=None):
    """A member's recognition or expenses for the panel, in the council's ledger."""
    from commissioning.involvement.services import claim_enter

    if member is None or member.campaign_id != campaign.pk:
        raise ValidationError({"member": "Select a member of this panel"})
    return claim_enter(by=by, claimant=member.user, activity=campaign.activity, category=category, amount=amount,
                       description=(description or "").strip(), rate=rate, units=units, request=request)
