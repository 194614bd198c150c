import copy
import uuid
from datetime import date as _date
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from coproduction.accounts.models import User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost
from coproduction.governance.consent.services import consent_record
from coproduction.governance.models import Consent

from . import notices
from .models import CarePlan, OutcomeProgress, PlanComment, Review, ReviewItem, ReviewTheme
from coproduction.people.models import Person, Representative
from .plan_content import Status, incomplete_sections
from .sections import missing, section_for

PERSON_FIELDS = [
    "full_name", "preferred_name", "date_of_birth", "pronouns", "communication_needs", "interpreter_language",
    "best_time_and_place", "communication_notes", "capacity", "capacity_assessed_on", "capacity_assessed_by",
    "team", "practitioner", "user", "review_statements_opt_out",
]


@transaction.atomic
def person_create(*, data: dict, by: User, request=None) -> Person:
    person = Person.objects.create(**{field: data.get(field) for field in PERSON_FIELDS if field in data})
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=person, subject=person.user, request=request)
    _review_statements_consent(person=person, was_opted_out=None, by=by, request=request)
    return person


def _review_statements_consent(*, person: Person, was_opted_out: bool | None, by: User, request) -> None:
    """Saying yes or no to review statements being used is a consent in the register."""
    if person.review_statements_opt_out == was_opted_out:
        return
    event = Consent.Event.WITHDRAWN if person.review_statements_opt_out else Consent.Event.GIVEN
    consent_record(purpose=Consent.Purpose.REVIEW_STATEMENTS, event=event, by=by, person=person,
                   given_by=Consent.GivenBy.PERSON, request=request)


@transaction.atomic
def person_update(*, person: Person, data: dict, by: User, request=None) -> Person:
    # Read from the database: a form may already have changed the instance.
    was_opted_out = Person.objects.filter(pk=person.pk).values_list("review_statements_opt_out", flat=True).first()
    for field in PERSON_FIELDS:
        if field in data:
            setattr(person, field, data[field])
    person.save()
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=person, subject=person.user, request=request)
    _review_statements_consent(person=person, was_opted_out=was_opted_out, by=by, request=request)
    return person


@transaction.atomic
def representative_add(*, person: Person, data: dict, by: User, request=None) -> Representative:
    representative = Representative.objects.create(
        person=person,
        user=data.get("user"),
        name=data["name"],
        relationship=data["relationship"],
        basis=data["basis"],
        basis_notes=data.get("basis_notes", ""),
        recorded_by=by,
    )
    audit_record(
        actor=by, action=AuditEvent.Action.CREATE, obj=representative, subject=person.user, request=request,
        detail=f"representative added: {representative.basis}",
    )
    if representative.basis == Representative.Basis.CONSENT:
        consent_record(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, event=Consent.Event.GIVEN, by=by, person=person,
                       representative=representative, given_by=Consent.GivenBy.PERSON, notes=representative.basis_notes,
                       request=request)
    return representative


@transaction.atomic
def representative_withdraw(*, representative: Representative, by: User, request=None) -> Representative:
    """Consent withdrawn (or the basis ended): their access stops with this commit."""
    if representative.withdrawn_on is None:
        representative.withdrawn_on = timezone.now()
        representative.withdrawn_by = by
        representative.save(update_fields=["withdrawn_on", "withdrawn_by"])
        audit_record(
            actor=by, action=AuditEvent.Action.CHANGE, obj=representative, subject=representative.person.user,
            request=request, detail="representative access withdrawn",
        )
        consent_record(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, event=Consent.Event.WITHDRAWN, by=by,
                       person=representative.person, representative=representative, request=request)
        access_lost(user_id=representative.user_id)
    return representative


# --- Plans ------------------------------------------------------------------------------


def _locked(plan: CarePlan) -> CarePlan:
    """Re-read the plan under a row lock, so two people saving sections never lose each other's work."""
    return CarePlan.objects.select_for_update().get(pk=plan.pk)


def _must_be_draft(plan: CarePlan) -> None:
    if not plan.is_draft:
        raise ValidationError("This version of the plan has been agreed and cannot be changed. Start a new draft to change it.")


@transaction.atomic
def plan_start(*, person: Person, by: User, request=None) -> CarePlan:
    """The current draft, or a new one copied from the latest version."""
    Person.objects.select_for_update().get(pk=person.pk)  # one draft at a time, even under a double click
    draft = person.plans.filter(status=CarePlan.Status.DRAFT).first()
    if draft:
        return draft
    latest = person.plans.order_by("-version").first()
    content = copy.deepcopy(latest.content) if latest else {"sections": {}}
    # Agreement belongs to the version that was agreed: a new draft is agreed afresh.
    content["sections"].pop("agreement", None)
    for data in content["sections"].values():
        if data.get("status") == Status.COMPLETED:
            data["status"] = Status.IN_PROGRESS
    plan = CarePlan.objects.create(
        person=person, version=(latest.version + 1) if latest else 1, based_on=latest, content=content, created_by=by
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=plan, subject=person.user, request=request)
    return plan


def _must_be_complete(plan: CarePlan, key: str, data: dict, by: User) -> None:
    """A section is marked completed only with everything its definition says it needs."""
    definition = section_for(plan.person, key)
    gaps = missing(definition, data, name=plan.person.display_name, own=by.pk == plan.person.user_id) if definition else []
    if gaps:
        errors: dict[str, list[str]] = {}
        for question, message in gaps:
            errors.setdefault(question or "completed", []).append(message)
        raise ValidationError(errors)


@transaction.atomic
def plan_section_save(*, plan: CarePlan, key: str, fields: dict, completed: bool, by: User, request=None) -> CarePlan:
    """Save a section's answers. Marked completed only when nothing it needs is missing: otherwise
    a ValidationError says what is, and nothing is saved."""
    plan = _locked(plan)
    _must_be_draft(plan)
    section = plan.content.setdefault("sections", {}).setdefault(key, {})
    section["fields"] = {name: value for name, value in fields.items() if value not in (None, "", {})}
    if completed:
        _must_be_complete(plan, key, section, by)
    section["status"] = Status.COMPLETED if completed else Status.IN_PROGRESS
    plan.save(update_fields=["content", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=plan, subject=plan.person.user, request=request, detail=f"section: {key}")
    return plan


@transaction.atomic
def plan_item_add(*, plan: CarePlan, key: str, list_name: str, item: dict, by: User, request=None) -> CarePlan:
    plan = _locked(plan)
    _must_be_draft(plan)
    section = plan.content.setdefault("sections", {}).setdefault(key, {})
    if section.get("status") == Status.COMPLETED:
        section["status"] = Status.IN_PROGRESS
    section.setdefault("lists", {}).setdefault(list_name, []).append({"id": uuid.uuid4().hex[:12], **item})
    plan.save(update_fields=["content", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=plan, subject=plan.person.user, request=request, detail=f"item added: {key}")
    return plan


@transaction.atomic
def plan_item_remove(*, plan: CarePlan, key: str, list_name: str, item_id: str, by: User, request=None) -> CarePlan:
    plan = _locked(plan)
    _must_be_draft(plan)
    section = plan.content.get("sections", {}).get(key, {})
    items = section.get("lists", {}).get(list_name, [])
    if not items:
        return plan
    section["lists"][list_name] = [item for item in items if item.get("id") != item_id]
    definition = section_for(plan.person, key)
    if section.get("status") == Status.COMPLETED and definition and missing(definition, section, name=""):
        section["status"] = Status.IN_PROGRESS  # no longer has what it needs to be complete
    plan.save(update_fields=["content", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=plan, subject=plan.person.user, request=request, detail=f"item removed: {key}")
    return plan


@transaction.atomic
def plan_agree(*, plan: CarePlan, by: User, request=None) -> CarePlan:
    """The draft becomes an agreed, unchangeable version; the one before it is replaced."""
    plan = _locked(plan)
    _must_be_draft(plan)
    incomplete = incomplete_sections(plan, plan.person)
    if incomplete:
        raise ValidationError([f"Complete section {part['section'].number}, {part['section'].title}" for part in incomplete])
    fields = plan.section_data("agreement").get("fields", {})
    if fields.get("person_seen") != "yes":
        raise ValidationError("Record in the agreement section that the person has seen this plan and agrees with it")
    plan.person.plans.filter(status=CarePlan.Status.AGREED).update(status=CarePlan.Status.SUPERSEDED)
    plan.status = CarePlan.Status.AGREED
    plan.agreed_at, plan.agreed_by = timezone.now(), by
    plan.review_due = _date.fromisoformat(fields["review_date"])
    plan.save(update_fields=["status", "agreed_at", "agreed_by", "review_due", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=plan, subject=plan.person.user, request=request, detail="plan agreed")
    notices.plan_agreed(plan=plan)  # the person and their representatives, if this commits
    return plan


@transaction.atomic
def plan_comment_add(*, plan: CarePlan, section: str, text: str, by: User, request=None) -> PlanComment:
    comment = PlanComment.objects.create(plan=plan, section=section, author=by, text=text)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=comment, subject=plan.person.user, request=request, detail="plan comment")
    return comment


# --- Reviews ----------------------------------------------------------------------------


@transaction.atomic
def review_start(*, plan: CarePlan, held_on, by: User, request=None) -> Review:
    if plan.status != CarePlan.Status.AGREED:
        raise ValidationError("Only an agreed plan can be reviewed.")
    review = plan.reviews.filter(finished_at__isnull=True).first()
    if review is None:
        review = Review.objects.create(plan=plan, held_on=held_on, created_by=by)
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=review, subject=plan.person.user, request=request)
    return review


@transaction.atomic
def review_item_add(*, review: Review, data: dict, by: User, request=None) -> ReviewItem:
    if review.finished_at:
        raise ValidationError("This review is finished.")
    item = ReviewItem.objects.create(review=review, **data)
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=review, subject=review.plan.person.user, request=request, detail="review item added")
    return item


@transaction.atomic
def review_finish(*, review: Review, progress: list[dict], decision: str, notes: str, by: User, request=None) -> Review:
    """Record progress and the decision, then act on it: the next review date, a new draft, or closing."""
    review = Review.objects.select_for_update().select_related("plan__person").get(pk=review.pk)
    if review.finished_at:
        return review
    OutcomeProgress.objects.bulk_create(OutcomeProgress(review=review, **row) for row in progress)
    review.decision, review.decision_notes, review.finished_at = decision, notes, timezone.now()
    review.save(update_fields=["decision", "decision_notes", "finished_at"])
    plan = review.plan
    if decision == Review.Decision.CONTINUE:
        plan.review_due = review.held_on + timedelta(weeks=settings.CAREPLAN_REVIEW_INTERVAL_WEEKS)
    elif decision == Review.Decision.CLOSE:
        plan.review_due = None
    plan.save(update_fields=["review_due", "updated_at"])
    if decision == Review.Decision.CHANGE:
        plan_start(person=plan.person, by=by, request=request)
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=review, subject=plan.person.user, request=request, detail=f"review finished: {decision}")
    return review


@transaction.atomic
def review_theme_add(*, name: str, by: User, request=None) -> ReviewTheme:
    theme = ReviewTheme.objects.create(name=name)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=theme, request=request)
    return theme


@transaction.atomic
def review_theme_toggle(*, theme: ReviewTheme, by: User, request=None) -> ReviewTheme:
    """Themes are switched off, never deleted: past statements keep theirs."""
    theme.active = not theme.active
    theme.save(update_fields=["active"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=theme, request=request)
    return theme
