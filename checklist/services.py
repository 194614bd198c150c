"""Writes for the checklist. Each is one transaction and one audit entry."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from careplans.models import CarePlan
from coproduction.people.models import Person, Representative
from coproduction.accounts.models import Team, User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from . import notices
from .models import (
    Checklist,
    Goal,
    Perspective,
    Rating,
    SharedStory,
    Statement,
    StatementSet,
    SurveyRound,
)
from .selectors import open_rounds_for_person, statement_set_current, statements_for
from .totals import totals_add_checklist

STORIES_PER_STATEMENT = 3


def _subject(checklist: Checklist):
    return checklist.person.user if checklist.person_id else checklist.practitioner


def _plan_for(person: Person) -> CarePlan | None:
    # The plan being rated: the agreed one if there is one, else the draft being written.
    return person.plans.exclude(status=CarePlan.Status.SUPERSEDED).order_by("-version").first()


@transaction.atomic
def checklist_start(
    *,
    perspective: str,
    entered_by: User,
    person: Person | None = None,
    completed_with: str = Checklist.CompletedWith.SELF,
    representative: Representative | None = None,
    survey_round: SurveyRound | None = None,
    team: Team | None = None,
    review=None,
    request=None,
) -> Checklist:
    """Start a checklist, or carry on with the same unfinished one: answers are kept between visits."""
    part = Statement.Part.REVIEW if review is not None else Statement.Part.PLANNING
    existing = Checklist.objects.filter(
        entered_by=entered_by, person=person, perspective=perspective, part=part, review=review, submitted_at__isnull=True
    ).first()
    if existing:
        return existing
    statement_set = statement_set_current()
    if statement_set is None:
        raise ValidationError("The checklist statements have not been published yet.")
    if survey_round is None and person is not None and part == Statement.Part.PLANNING:
        rounds = [r for r in open_rounds_for_person(person=person) if r.statement_set_id == statement_set.pk]
        survey_round = rounds[0] if rounds and perspective == Perspective.PERSON else None
    checklist = Checklist.objects.create(
        statement_set=statement_set,
        part=part,
        review=review,
        perspective=perspective,
        person=person,
        plan=(review.plan if review is not None else _plan_for(person)) if person else None,
        practitioner=(person.practitioner if person and perspective == Perspective.PERSON else entered_by),
        team=person.team if person else team,
        survey_round=survey_round,
        completed_with=completed_with,
        representative=representative,
        entered_by=entered_by,
    )
    audit_record(actor=entered_by, action=AuditEvent.Action.CREATE, obj=checklist, subject=_subject(checklist), request=request)
    return checklist


@transaction.atomic
def checklist_save_answers(*, checklist: Checklist, answers: dict[int, dict], by: User, request=None) -> int:
    """Keep the answers given so far. `answers` maps a statement id to {"answer": "1".."5" |
    a Rating.Skipped value | "", "comment": str}; an empty answer with no comment is left out."""
    locked = Checklist.objects.select_for_update().get(pk=checklist.pk)
    if locked.submitted_at is not None:
        raise ValidationError("This checklist has been sent and can no longer be changed.")
    saved = 0
    for statement_id, answer in answers.items():
        value, comment = answer.get("answer", ""), answer.get("comment", "").strip()
        if not value:
            if comment:
                raise ValidationError("Choose an answer before adding a comment.")
            Rating.objects.filter(checklist=checklist, statement_id=statement_id).delete()
            continue
        score = int(value) if value.isdigit() else None
        Rating.objects.update_or_create(
            checklist=checklist,
            statement_id=statement_id,
            defaults={"score": score, "skipped": "" if score else value, "comment": comment},
        )
        saved += 1
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=checklist, subject=_subject(checklist), request=request, detail="answers saved")
    return saved


def missing_statements(*, checklist: Checklist) -> list[Statement]:
    answered = set(checklist.ratings.values_list("statement_id", flat=True))
    return [statement for statement in statements_for(checklist=checklist) if statement.pk not in answered]


@transaction.atomic
def checklist_submit(*, checklist: Checklist, by: User, request=None) -> Checklist:
    locked = Checklist.objects.select_for_update().get(pk=checklist.pk)
    if locked.submitted_at is not None:
        return locked
    missing = missing_statements(checklist=locked)
    if missing:
        raise ValidationError([f"Answer statement {statement.number}" for statement in missing])
    if locked.plan_id:
        list(CarePlan.objects.select_for_update().filter(pk=locked.plan_id).values_list("pk"))  # pairs in the totals are per plan
    now = timezone.now()
    locked.submitted_at = now
    locked.save(update_fields=["submitted_at"])
    # Copy what the dashboards group by onto the answers, in one statement.
    locked.ratings.update(
        team_id=locked.team_id, perspective=locked.perspective, submitted_on=timezone.localdate(now),
        plan_id=locked.plan_id, practitioner_id=locked.practitioner_id,
    )
    totals_add_checklist(checklist=locked)
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=locked, subject=_subject(locked), request=request, detail="checklist sent")
    return locked


@transaction.atomic
def checklist_discard(*, checklist: Checklist, by: User, request=None) -> None:
    if checklist.submitted_at is not None:
        raise ValidationError("A sent checklist cannot be deleted.")
    audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=checklist, subject=_subject(checklist), request=request)
    checklist.delete()


# Statement sets ---------------------------------------------------------------------------


@transaction.atomic
def statement_set_publish(*, title: str, source: str, source_url: str, wording_checked: bool, notes: str, statements: list[dict], by: User, request=None) -> StatementSet:
    """Publish a new version. Earlier versions stay as they were: their ratings point at them."""
    latest = StatementSet.objects.select_for_update().order_by("-version").first()
    statement_set = StatementSet.objects.create(
        version=(latest.version + 1) if latest else 1, title=title, source=source, source_url=source_url,
        wording_checked=wording_checked, notes=notes, published_by=by,
    )
    Statement.objects.bulk_create(Statement(statement_set=statement_set, **statement) for statement in statements)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=statement_set, request=request, detail=f"statement set version {statement_set.version}")
    return statement_set


# Survey rounds ----------------------------------------------------------------------------


@transaction.atomic
def survey_round_open(*, title: str, team: Team | None, opens_on, closes_on, by: User, request=None) -> SurveyRound:
    statement_set = statement_set_current()
    if statement_set is None:
        raise ValidationError("The checklist statements have not been published yet.")
    survey_round = SurveyRound.objects.create(
        title=title, team=team, opens_on=opens_on, closes_on=closes_on, statement_set=statement_set, created_by=by
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=survey_round, request=request)
    _round_opened_on_commit(survey_round=survey_round)  # each person it asks; a later round: the daily task
    return survey_round


# Goals ------------------------------------------------------------------------------------


@transaction.atomic
def goal_create(*, data: dict, by: User, request=None) -> Goal:
    goal = Goal.objects.create(agreed_by=by, **data)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=goal, subject=goal.practitioner, request=request)
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, data: dict, by: User, request=None) -> Goal:
    for name, value in data.items():
        setattr(goal, name, value)
    goal.save()
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=goal, subject=goal.practitioner, request=request)
    return goal


# Stories ----------------------------------------------------------------------------------


@transaction.atomic
def story_choose(*, rating: Rating, by: User, request=None) -> SharedStory:
    """Add a comment to the team's top three for its statement."""
    Team.objects.select_for_update().get(pk=rating.team_id)  # two managers cannot both add a fourth
    if SharedStory.objects.filter(team_id=rating.team_id, statement_id=rating.statement_id).count() >= STORIES_PER_STATEMENT:
        raise ValidationError(f"Your team has already chosen {STORIES_PER_STATEMENT} stories for this statement. Remove one first.")
    story, _ = SharedStory.objects.get_or_create(
        rating=rating, defaults={"team_id": rating.team_id, "statement_id": rating.statement_id, "chosen_by": by}
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=story, request=request, detail="story chosen")
    return story


@transaction.atomic
def story_unchoose(*, story: SharedStory, by: User, request=None) -> None:
    audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=story, request=request, detail="story removed")
    story.delete()


@transaction.atomic
def story_share(*, story: SharedStory, consent_from: str, consent_notes: str, by: User, request=None) -> SharedStory:
    """Share a chosen story across the council, once its teller has agreed."""
    story.consent_from, story.consent_notes, story.consent_recorded_by = consent_from, consent_notes, by
    story.shared_at = timezone.now()
    story.save(update_fields=["consent_from", "consent_notes", "consent_recorded_by", "shared_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=story, request=request, detail="story shared with consent")
    from coproduction.governance.consent.services import story_consent_given

    story_consent_given(story=story, by=by, request=request)
    return story


def _round_opened_on_commit(*, survey_round: SurveyRound) -> None:
    """A round open today is announced by a worker once it is saved: a council-wide round
    asks thousands of people, too many to write messages for inside the manager's request."""
    if survey_round.is_open():
        from .tasks import round_invitations  # the task calls notices, never this module

        transaction.on_commit(lambda: round_invitations.delay(survey_round.pk))
