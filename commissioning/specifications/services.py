"""Writing specifications. A published version never changes: every write to a version's
sections, criteria or questions checks it is the draft, inside the transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioning.models import Activity, Decision, Programme

from .models import (
    BidderQuestion,
    ShortlistQuestion,
    EvaluationCriterion,
    GlossaryTerm,
    Section,
    SectionComment,
    Specification,
    SpecificationVersion,
)
from .standard_sections import STANDARD_SECTIONS

PUBLISHED_MESSAGE = "This version is published and cannot change. Start a new draft to change it."
PRICE_ONCE_MESSAGE = "Only one criterion can be price."

# Why a specification's criteria may no longer change, from the parts that rely on them: each
# takes the specification and returns the reason, or "" (the panels part: bids are in).
CRITERIA_LOCKS: list = []


def criteria_lock_reason(specification: Specification) -> str:
    return next((reason for lock in CRITERIA_LOCKS if (reason := lock(specification))), "")


def _criteria_key(criteria) -> list[tuple]:
    return [(c.title, c.weight, c.scored_on_price) for c in criteria]


def _locked_draft(version: SpecificationVersion) -> SpecificationVersion:
    """The version, locked for this transaction, if it is still the draft."""
    locked = SpecificationVersion.objects.select_for_update().get(pk=version.pk)
    if not locked.is_draft:
        raise ValidationError(PUBLISHED_MESSAGE)
    return locked


@transaction.atomic
def specification_create(*, programme: Programme, title: str, decision: Decision | None, by) -> Specification:
    if decision is not None and decision.programme_id != programme.pk:
        raise ValidationError("The decision must be one of this programme's.")
    specification = Specification.objects.create(programme=programme, title=title, decision=decision, created_by=by)
    version = SpecificationVersion.objects.create(specification=specification, number=1, created_by=by)
    Section.objects.bulk_create(
        Section(version=version, key=standard.key, title=standard.title, position=position)
        for position, standard in enumerate(STANDARD_SECTIONS, start=1)
    )
    return specification


@transaction.atomic
def section_update(*, section: Section, text: str, informed_by: list[Activity], by) -> Section:
    _locked_draft(section.version)
    if any(activity.programme_id != section.version.specification.programme_id for activity in informed_by):
        raise ValidationError("Choose activities from this programme.")
    section.text = text
    section.save(update_fields=["text"])
    section.informed_by.set(informed_by)
    return section


@transaction.atomic
def comment_add(*, section: Section, text: str, proposed_wording: str, by) -> SectionComment:
    _locked_draft(section.version)
    return SectionComment.objects.create(section=section, author=by, text=text, proposed_wording=proposed_wording)


@transaction.atomic
def comment_answer(*, comment: SectionComment, answer: str, reply: str, by) -> SectionComment:
    # Answers may be given after publishing too: the group must hear back whatever happened.
    comment.answer, comment.reply = answer, reply
    comment.answered_by, comment.answered_at = by, timezone.now()
    comment.save(update_fields=["answer", "reply", "answered_by", "answered_at"])
    return comment


def weights_total(weights) -> int:
    return sum(weight or 0 for weight in weights)


@transaction.atomic
def criteria_replace(*, version: SpecificationVersion, criteria: list[dict], by) -> list[EvaluationCriterion]:
    """Save the version's criteria as listed: each dict has title, description, weight and the
    existing criterion (or None for a new one), and whether it is price (`scored_on_price`).
    Criteria left out are removed, with their questions. Refused once bids are in."""
    _locked_draft(version)
    if reason := criteria_lock_reason(version.specification):
        raise ValidationError(reason)
    if criteria and weights_total(item["weight"] for item in criteria) != 100:
        raise ValidationError("The weights must add up to 100.")
    if sum(1 for item in criteria if item.get("scored_on_price")) > 1:
        raise ValidationError(PRICE_ONCE_MESSAGE)
    kept = [item["criterion"].pk for item in criteria if item.get("criterion")]
    version.criteria.exclude(pk__in=kept).delete()
    saved = []
    for position, item in enumerate(criteria, start=1):
        criterion = item.get("criterion") or EvaluationCriterion(version=version)
        if criterion.version_id != version.pk:
            raise ValidationError("That criterion belongs to another version.")
        criterion.title, criterion.description = item["title"], item.get("description", "")
        criterion.weight, criterion.position = item["weight"], position
        criterion.scored_on_price = bool(item.get("scored_on_price"))
        criterion.save()
        saved.append(criterion)
    return saved


@transaction.atomic
def question_add(*, criterion: EvaluationCriterion, text: str, kind: str, by) -> BidderQuestion:
    _locked_draft(criterion.version)
    position = criterion.questions.count() + 1
    return BidderQuestion.objects.create(criterion=criterion, text=text, kind=kind, proposed_by=by, position=position)


@transaction.atomic
def question_update(*, question: BidderQuestion, text: str, kind: str, by) -> BidderQuestion:
    _locked_draft(question.criterion.version)
    question.text, question.kind = text, kind
    question.save(update_fields=["text", "kind"])
    return question


@transaction.atomic
def question_delete(*, question: BidderQuestion, by) -> None:
    _locked_draft(question.criterion.version)
    question.delete()


@transaction.atomic
def shortlist_question_add(*, version: SpecificationVersion, text: str, kind: str, by) -> ShortlistQuestion:
    _locked_draft(version)
    if reason := criteria_lock_reason(version.specification):
        raise ValidationError(reason)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": "Enter the question"})
    if kind not in ShortlistQuestion.Kind.values:
        raise ValidationError({"kind": "Select whether it is pass or fail or a minimum standard"})
    return ShortlistQuestion.objects.create(version=version, text=text, kind=kind, position=version.shortlist_questions.count() + 1)


@transaction.atomic
def shortlist_question_delete(*, question: ShortlistQuestion, by) -> None:
    _locked_draft(question.version)
    if reason := criteria_lock_reason(question.version.specification):
        raise ValidationError(reason)
    question.delete()


@transaction.atomic
def version_publish(*, version: SpecificationVersion, by) -> SpecificationVersion:
    version = _locked_draft(version)
    _check_criteria_kept(version)
    weights = list(version.criteria.values_list("weight", flat=True))
    if not weights:
        raise ValidationError("Add the evaluation criteria before publishing.")
    if weights_total(weights) != 100:
        raise ValidationError("The weights of the evaluation criteria must add up to 100.")
    version.status = SpecificationVersion.Status.PUBLISHED
    version.published_by, version.published_at = by, timezone.now()
    version.save(update_fields=["status", "published_by", "published_at"])
    return version


def _check_criteria_kept(version: SpecificationVersion) -> None:
    """Once bids are in, a new version may change its wording but not its criteria or weights."""
    reason = criteria_lock_reason(version.specification)
    if not reason:
        return
    previous = (
        SpecificationVersion.objects.filter(specification_id=version.specification_id, number__lt=version.number)
        .order_by("-number").first()
    )
    if previous is not None and _criteria_key(previous.criteria.all()) != _criteria_key(version.criteria.all()):
        raise ValidationError(reason)


@transaction.atomic
def draft_start(*, specification: Specification, by) -> SpecificationVersion:
    """A new draft copied from the latest version: sections (with what informed them), criteria
    and questions. Comments stay with the version they were made on."""
    latest = (
        SpecificationVersion.objects.select_for_update().filter(specification=specification).order_by("-number").first()
    )
    if latest.is_draft:
        raise ValidationError("There is already a draft. Change that one.")
    draft = SpecificationVersion.objects.create(specification=specification, number=latest.number + 1, created_by=by)
    sections = list(latest.sections.prefetch_related("informed_by"))
    copies = Section.objects.bulk_create(
        Section(version=draft, key=s.key, title=s.title, position=s.position, text=s.text) for s in sections
    )
    through = Section.informed_by.through
    through.objects.bulk_create(
        through(section_id=copy.pk, activity_id=activity.pk)
        for original, copy in zip(sections, copies, strict=True)
        for activity in original.informed_by.all()
    )
    ShortlistQuestion.objects.bulk_create(
        ShortlistQuestion(version=draft, text=q.text, kind=q.kind, position=q.position) for q in latest.shortlist_questions.all()
    )
    for criterion in latest.criteria.prefetch_related("questions"):
        questions = list(criterion.questions.all())
        criterion.pk, criterion.version = None, draft
        criterion.save()
        BidderQuestion.objects.bulk_create(
            BidderQuestion(criterion=criterion, text=q.text, kind=q.kind, proposed_by_id=q.proposed_by_id, position=q.position)
            for q in questions
        )
    return draft


@transaction.atomic
def glossary_term_save(*, term: GlossaryTerm | None, word: str, explanation: str, by) -> GlossaryTerm:
    term = term or GlossaryTerm()
    clash = GlossaryTerm.objects.filter(term__iexact=word.strip()).exclude(pk=term.pk)
    if clash.exists():
        raise ValidationError("That word is already in the glossary.")
    term.term, term.explanation = word.strip(), explanation
    term.updated_by, term.updated_at = by, timezone.now()
    term.save()
    return term


@transaction.atomic
def glossary_term_delete(*, term: GlossaryTerm, by) -> None:
    term.delete()
