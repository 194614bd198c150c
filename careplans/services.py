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
from .models import (
    AgreedHow,
    Agreement,
    CarePlan,
    Conversation,
    OutcomeProgress,
    PlanComment,
    PlanLook,
    PlanResponse,
    PreparedStatement,
    Review,
    ReviewItem,
    ReviewTheme,
)
from coproduction.people.caseload_version import caseload_changed
from coproduction.people.models import Person, Representative
from .plan_content import Status, incomplete_sections
from .sections import Kind, missing, section_for

PERSON_FIELDS = [
    "full_name", "preferred_name", "date_of_birth", "pronouns", "communication_needs", "interpreter_language",
    "best_time_and_place", "postcode", "communication_notes", "capacity", "capacity_assessed_on", "capacity_assessed_by",
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
def person_postcode_set(*, person: Person, postcode: str, by: User, request=None) -> Person:
    """The postcode local options are found near, recorded by the person, their representative or the team."""
    person.postcode = postcode
    person.save(update_fields=["postcode", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=person, subject=person.user, request=request, detail="postcode")
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
        data.pop("changes", None)  # what changed belongs to the version it changed in
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


class StaleSection(ValidationError):
    """The section changed after the page was opened: saving would overwrite someone's words."""

    def __init__(self, message: str, *, saved: dict, version: int):
        super().__init__(message)
        self.saved, self.version = saved, version


def _side(plan: CarePlan, by: User) -> str:
    """Who is writing: the person, their representative, or the team."""
    return _side_of(plan.person, by)


def _side_of(person: Person, by: User) -> str:
    if person.user_id == by.pk:
        return "person"
    if person.representatives.filter(user=by, withdrawn_on__isnull=True).exists():
        return "representative"
    return "staff"


def _text_of(value) -> str:
    return value.get("text", "") if isinstance(value, dict) else ("" if value is None else str(value))


def _note_change(plan: CarePlan, section: dict, *, side: str, by: User, changes: list[dict]) -> None:
    """Keep what changed (newest last, the last 20), so the team sees what the person changed."""
    if not changes:
        return
    at = timezone.now().isoformat()
    name = plan.person.display_name if side == "person" else by.display_name
    log = section.setdefault("changes", [])
    log.extend({"at": at, "side": side, "by_name": name, **change} for change in changes)
    del log[:-20]


@transaction.atomic
def plan_section_save(
    *, plan: CarePlan, key: str, fields: dict, completed: bool, by: User, request=None, seen_version: int | None = None,
) -> CarePlan:
    """Save one section's answers on its own. Marked completed only when nothing it needs is
    missing: otherwise a ValidationError says what is, and nothing is saved. With
    ``seen_version`` (the version the page showed), a section changed since is refused with
    StaleSection, holding what is saved now, so nobody's words are silently overwritten."""
    plan = _locked(plan)
    _must_be_draft(plan)
    section = plan.content.setdefault("sections", {}).setdefault(key, {})
    version = section.get("version", 0)
    if seen_version is not None and seen_version != version:
        last = (section.get("changes") or [{}])[-1]
        who = last.get("by_name") or "Someone"
        raise StaleSection(
            f"{who} changed this section after you opened it. What is saved now is shown above your words: "
            "check both, then save again to keep yours",
            saved=copy.deepcopy(section), version=version,
        )
    before = section.get("fields", {})
    after = {name: value for name, value in fields.items() if value not in (None, "", {})}
    definition = section_for(plan.person, key)
    side = _side(plan, by)
    changes = [
        {"what": field.label, "before": _text_of(before.get(field.name)), "after": _text_of(after.get(field.name))}
        for field in (definition.fields if definition else ())
        if field.kind == Kind.TEXT and _text_of(before.get(field.name)) != _text_of(after.get(field.name))
    ]
    section["fields"] = after
    if completed:
        _must_be_complete(plan, key, section, by)
    section["status"] = Status.COMPLETED if completed else Status.IN_PROGRESS
    section["version"] = version + 1
    _note_change(plan, section, side=side, by=by, changes=changes)
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
    definition = section_for(plan.person, key)
    item_list = next((shown for shown in definition.lists if shown.name == list_name), None) if definition else None
    if item_list:
        first = _text_of(item.get(item_list.fields[0].name))
        _note_change(plan, section, side=_side(plan, by), by=by, changes=[{"kind": "item", "what": f"added {item_list.item_name_with_article}", "before": "", "after": first}])
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


def _agreement_set(
    agreed: Agreement, *, person: Person, by: User, how: str, agreed_by_name: str, agreed_on: _date | None, notes: str, consulted: str,
) -> None:
    """Who agreed a plan or a review's outcome, how and when, on the unsaved record. A
    best-interests decision only for someone assessed as lacking capacity, with who was consulted."""
    if how == AgreedHow.BEST_INTERESTS:
        if person.capacity != Person.Capacity.LACKS:
            raise ValidationError({"how": "A best-interests decision is only for someone assessed as lacking capacity to agree their plan"})
        if not consulted.strip():
            raise ValidationError({"consulted": "Enter who was consulted about the best-interests decision"})
    agreed.agreed_at, agreed.agreed_by, agreed.agreed_how = timezone.now(), by, how
    agreed.agreed_by_name, agreed.agreed_on = agreed_by_name, agreed_on or timezone.localdate()
    agreed.agreement_notes, agreed.best_interests_consulted = notes, consulted if how == AgreedHow.BEST_INTERESTS else ""


@transaction.atomic
def plan_agree(
    *, plan: CarePlan, by: User, how: str, agreed_by_name: str, agreed_on: _date | None = None,
    notes: str = "", consulted: str = "", request=None,
) -> CarePlan:
    """The draft becomes an agreed, unchangeable version; the one before it is replaced.

    Agreed by the person on screen in their own account, by a representative whose basis stands,
    or recorded by the practitioner: an agreement given another way (on paper, verbally, through
    an interpreter, with an advocate), or a best-interests decision for someone who lacks
    capacity, with who was consulted. Only when every section that applies is complete."""
    plan = _locked(plan)
    _must_be_draft(plan)
    incomplete = incomplete_sections(plan, plan.person)
    if incomplete:
        raise ValidationError([f"Complete section {part['section'].number}, {part['section'].title}" for part in incomplete])
    _agreement_set(
        plan, person=plan.person, by=by, how=how, agreed_by_name=agreed_by_name, agreed_on=agreed_on, notes=notes, consulted=consulted,
    )
    fields = plan.section_data("agreement").get("fields", {})
    plan.person.plans.filter(status=CarePlan.Status.AGREED).update(status=CarePlan.Status.SUPERSEDED)
    caseload_changed()  # the dashboards' plans agreed and reviews due
    plan.status = CarePlan.Status.AGREED
    plan.review_due = _date.fromisoformat(fields["review_date"])
    plan.save()
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=plan, subject=plan.person.user, request=request, detail="plan agreed")
    notices.plan_agreed(plan=plan)  # the person and their representatives, if this commits
    return plan


def _own_name(plan: CarePlan, by: User) -> str:
    """The name of the person, or of their representative, speaking for themselves."""
    if plan.person.user_id == by.pk:
        return plan.person.full_name
    representative = plan.person.representatives.filter(user=by, withdrawn_on__isnull=True).first()
    return representative.name if representative else by.full_name


def plan_agree_own(*, plan: CarePlan, by: User, notes: str = "", request=None) -> CarePlan:
    """The person, or their representative, agrees the plan on screen in their own name."""
    return plan_agree(plan=plan, by=by, how=AgreedHow.ON_SCREEN, agreed_by_name=_own_name(plan, by), notes=notes, request=request)


@transaction.atomic
def plan_not_agreed_yet(*, plan: CarePlan, by: User, reason: str, request=None) -> PlanResponse:
    """"I do not agree yet": the team sees why, and the plan stays a draft."""
    _must_be_draft(plan)
    response = PlanResponse.objects.create(plan=plan, author=by, author_name=_own_name(plan, by), reason=reason)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=response, subject=plan.person.user, request=request, detail="plan not agreed yet")
    return response


def plan_looked_at(*, plan: CarePlan, by: User):
    """Note that a member of the team looked at the plan now; return when they looked before
    (None the first time). One query to read, one to write, whatever the plan's size."""
    previous = PlanLook.objects.filter(plan=plan, user=by).values_list("looked_at", flat=True).first()
    PlanLook.objects.bulk_create(
        [PlanLook(plan=plan, user=by, looked_at=timezone.now())],
        update_conflicts=True, unique_fields=["plan", "user"], update_fields=["looked_at"],
    )
    return previous


@transaction.atomic
def plan_comment_add(*, plan: CarePlan, section: str, text: str, by: User, request=None) -> PlanComment:
    comment = PlanComment.objects.create(plan=plan, section=section, author=by, text=text)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=comment, subject=plan.person.user, request=request, detail="plan comment")
    return comment


# --- Reviews ----------------------------------------------------------------------------


@transaction.atomic
def review_start(*, plan: CarePlan, held_on, by: User, took_part: str = "", request=None) -> Review:
    """Start the review; what the person and their representative wrote to get ready for it
    becomes its first statements, in their words."""
    if plan.status != CarePlan.Status.AGREED:
        raise ValidationError("Only an agreed plan can be reviewed.")
    review = plan.reviews.filter(finished_at__isnull=True).first()
    if review is None:
        review = Review.objects.create(plan=plan, held_on=held_on, took_part=took_part, created_by=by)
        audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=review, subject=plan.person.user, request=request)
        for prepared in plan.prepared_statements.select_for_update().filter(review__isnull=True):
            prepared.item = ReviewItem.objects.create(review=review, kind=prepared.kind, perspective=prepared.perspective, text=prepared.text)
            prepared.review = review
            prepared.save(update_fields=["item", "review"])
    return review


@transaction.atomic
def review_statement_prepare(*, plan: CarePlan, kind: str, text: str, by: User, request=None) -> PreparedStatement:
    """The person (or their representative) writes down a statement for their next review."""
    if plan.status != CarePlan.Status.AGREED:
        raise ValidationError("Only an agreed plan is reviewed.")
    perspective = ReviewItem.Perspective.PERSON if plan.person.user_id == by.pk else ReviewItem.Perspective.REPRESENTATIVE
    statement = PreparedStatement.objects.create(plan=plan, kind=kind, perspective=perspective, text=text, author=by)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=statement, subject=plan.person.user, request=request, detail="review statement prepared")
    return statement


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
    plan = review.plan
    if decision == Review.Decision.CONTINUE:
        plan.review_due = review.held_on + timedelta(weeks=settings.CAREPLAN_REVIEW_INTERVAL_WEEKS)
    elif decision == Review.Decision.CLOSE:
        plan.review_due = None
    plan.save(update_fields=["review_due", "updated_at"])
    # The one next review date: what this decision set (a changed plan sets its own when agreed).
    review.next_review = plan.review_due if decision == Review.Decision.CONTINUE else None
    review.decision, review.decision_notes, review.finished_at = decision, notes, timezone.now()
    review.save(update_fields=["decision", "decision_notes", "next_review", "finished_at"])
    if decision == Review.Decision.CHANGE:
        plan_start(person=plan.person, by=by, request=request)
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=review, subject=plan.person.user, request=request, detail=f"review finished: {decision}")
    return review


def _finished_review_locked(review: Review) -> Review:
    review = Review.objects.select_for_update().select_related("plan__person").get(pk=review.pk)
    if review.finished_at is None:
        raise ValidationError("The review’s outcome can be agreed once the review is finished")
    if review.agreed_at is not None:
        raise ValidationError("The review’s outcome is already agreed")
    return review


@transaction.atomic
def review_agree(
    *, review: Review, by: User, how: str, agreed_by_name: str, agreed_on: _date | None = None,
    notes: str = "", consulted: str = "", request=None,
) -> Review:
    """The person agrees a finished review's outcome the same way as their plan: on screen in their
    own name (or a representative whose basis stands), or the practitioner records an agreement
    given another way, or a best-interests decision with who was consulted."""
    review = _finished_review_locked(review)
    person = review.plan.person
    _agreement_set(review, person=person, by=by, how=how, agreed_by_name=agreed_by_name, agreed_on=agreed_on, notes=notes, consulted=consulted)
    review.save(update_fields=["agreed_at", "agreed_by", "agreed_how", "agreed_by_name", "agreed_on", "agreement_notes", "best_interests_consulted"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=review, subject=person.user, request=request, detail="review outcome agreed")
    return review


def review_agree_own(*, review: Review, by: User, notes: str = "", request=None) -> Review:
    """The person, or their representative, agrees the review's outcome on screen in their own name."""
    return review_agree(review=review, by=by, how=AgreedHow.ON_SCREEN, agreed_by_name=_own_name(review.plan, by), notes=notes, request=request)


@transaction.atomic
def review_not_agreed_yet(*, review: Review, by: User, reason: str, request=None) -> PlanResponse:
    """"I do not agree yet" with a review's outcome: the practitioner sees why."""
    review = _finished_review_locked(review)
    response = PlanResponse.objects.create(plan=review.plan, review=review, author=by, author_name=_own_name(review.plan, by), reason=reason)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=response, subject=review.plan.person.user, request=request, detail="review outcome not agreed yet")
    return response


# --- A conversation about what matters ----------------------------------------------------


@transaction.atomic
def conversation_save(*, person: Person, answers: dict, by: User, request=None) -> Conversation:
    """Save the person's answers, recorded as their words: written by them, by their
    representative, or with the practitioner."""
    if not any((answers.get(name) or "").strip() for name in Conversation.QUESTIONS):
        raise ValidationError({"what_matters": "Write at least one answer"})
    side = _side_of(person, by)
    whose = Conversation.Whose.WITH_PRACTITIONER if side == "staff" else side
    values = {name: (answers.get(name) or "").strip() for name in Conversation.QUESTIONS}
    conversation, created = Conversation.objects.update_or_create(
        person=person, defaults={**values, "whose": whose, "updated_by": by, "updated_at": timezone.now()},
    )
    audit_record(
        actor=by, action=AuditEvent.Action.CREATE if created else AuditEvent.Action.CHANGE, obj=conversation, subject=person.user,
        request=request, detail="conversation about what matters",
    )
    return conversation


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


@transaction.atomic
def plan_copies_request(*, plan: CarePlan, kinds: list[str], by: User, request=None) -> list:
    """Ask for the plan in each of these formats at once: one report job each, made in the
    background; each request is audited by the pipeline as an export of the plan."""
    from coproduction.reports.services import report_job_request

    return [report_job_request(kind=kind, requested_by=by, subject=plan, subject_user=plan.person.user, request=request) for kind in kinds]
