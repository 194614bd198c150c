"""Reading specifications. Every page's queries are fixed in number, whatever the data size."""

from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404

from commissioning.models import Activity, Programme

from .glossary import Glossary

from .models import (
    BidderQuestion,
    EvaluationCriterion,
    GlossaryTerm,
    Section,
    SectionComment,
    ShortlistQuestion,
    Specification,
    SpecificationVersion,
)


def specifications_for(*, programme: Programme) -> QuerySet[Specification]:
    latest = SpecificationVersion.objects.filter(specification=OuterRef("pk")).order_by("-number")
    return (
        Specification.objects.filter(programme=programme)
        .select_related("decision")
        .annotate(
            latest_number=Max("versions__number"),
            latest_status=Subquery(latest.values("status")[:1]),
            published_count=Count("versions", filter=Q(versions__status=SpecificationVersion.Status.PUBLISHED)),
        )
        .order_by("title", "pk")
    )


def specification_or_404(*, programme: Programme, specification_id: int) -> Specification:
    found = Specification.objects.select_related("decision").filter(programme=programme, pk=specification_id).first()
    if found is None:
        raise Http404
    found.programme = programme
    return found


def versions_of(*, specification: Specification) -> list[SpecificationVersion]:
    versions = list(
        SpecificationVersion.objects.filter(specification=specification).select_related("created_by", "published_by")
    )
    for version in versions:
        version.specification = specification
    return versions


def version_chosen(versions: list[SpecificationVersion], number: str | None) -> SpecificationVersion:
    """The version asked for, or the newest. Versions are newest first."""
    if number:
        for version in versions:
            if str(version.number) == number:
                return version
        raise Http404
    return versions[0]


def version_contents(*, version: SpecificationVersion, with_comments: bool = True) -> dict:
    """Sections (with what informed them and their comments) and criteria with their questions."""
    sections_qs = Section.objects.filter(version=version).prefetch_related(
        Prefetch("informed_by", queryset=Activity.objects.only("pk", "title", "programme_id").order_by("title", "pk"))
    )
    if with_comments:
        sections_qs = sections_qs.prefetch_related(
            Prefetch("comments", queryset=SectionComment.objects.select_related("author", "answered_by"))
        )
    sections = list(sections_qs)
    criteria = list(
        EvaluationCriterion.objects.filter(version=version).prefetch_related(
            Prefetch("questions", queryset=BidderQuestion.objects.select_related("proposed_by"))
        )
    )
    for item in [*sections, *criteria]:
        item.version = version
    return {
        "spec_sections": sections, "criteria": criteria, "weights_total": sum(c.weight for c in criteria),
        "shortlist_questions": shortlist_questions_of(version=version),
    }


def section_or_404(*, specification: Specification, section_id: int) -> Section:
    section = Section.objects.select_related("version").filter(version__specification=specification, pk=section_id).first()
    if section is None:
        raise Http404
    section.version.specification = specification
    return section


def comment_or_404(*, specification: Specification, comment_id: int) -> SectionComment:
    comment = (
        SectionComment.objects.select_related("section__version", "author")
        .filter(section__version__specification=specification, pk=comment_id)
        .first()
    )
    if comment is None:
        raise Http404
    comment.section.version.specification = specification
    return comment


def shortlist_questions_of(*, version) -> list[ShortlistQuestion]:
    return list(ShortlistQuestion.objects.filter(version=version).order_by("position", "pk"))


def shortlist_question_or_404(*, specification: Specification, question_id: int) -> ShortlistQuestion:
    question = ShortlistQuestion.objects.select_related("version").filter(version__specification=specification, pk=question_id).first()
    if question is None:
        raise Http404
    question.version.specification = specification
    return question


def criterion_or_404(*, specification: Specification, criterion_id: int) -> EvaluationCriterion:
    criterion = EvaluationCriterion.objects.select_related("version").filter(
        version__specification=specification, pk=criterion_id
    ).first()
    if criterion is None:
        raise Http404
    criterion.version.specification = specification
    return criterion


def question_or_404(*, specification: Specification, question_id: int) -> BidderQuestion:
    question = BidderQuestion.objects.select_related("criterion__version").filter(
        criterion__version__specification=specification, pk=question_id
    ).first()
    if question is None:
        raise Http404
    question.criterion.version.specification = specification
    return question


def comments_by(*, user, specification: Specification) -> list[SectionComment]:
    """The user's own comments on every version, so they can see how each was answered."""
    return list(
        SectionComment.objects.filter(author=user, section__version__specification=specification)
        .select_related("section__version")
        .order_by("-created_at", "-pk")
    )


def outcomes_framework(*, programme: Programme) -> list:
    """The programme's agreed outcomes with their indicators, from the priorities app."""
    try:
        from commissioning.priorities.models import Indicator, Outcome
    except ImportError:  # the priorities app keeps the framework; without it there is none
        return []
    return list(
        Outcome.objects.filter(programme=programme)
        .order_by("position", "pk")
        .prefetch_related(Prefetch("indicators", queryset=Indicator.objects.filter(retired_on__isnull=True).order_by("position", "pk")))
    )


def programme_activities(*, programme: Programme) -> QuerySet[Activity]:
    return Activity.objects.filter(programme=programme).order_by("-happened_on", "title")


def glossary_terms() -> QuerySet[GlossaryTerm]:
    return GlossaryTerm.objects.all()


def glossary_for_page() -> Glossary:
    """The council's glossary, read now in one query, for a page to mark up its texts with: the
    page's view passes it as `words`, so no template filter or tag reads the database."""
    return Glossary(terms=list(GlossaryTerm.objects.only("pk", "term", "explanation")))


@dataclass(frozen=True)
class Change:
    part: str
    what: str
    before: str
    after: str


def _describe_criteria(contents: dict) -> dict[str, tuple[str, str]]:
    described = {}
    for criterion in contents["criteria"]:
        questions = "\n".join(f"{q.get_kind_display()}: {q.text}" for q in criterion.questions.all())
        described[criterion.title.strip().lower()] = (
            criterion.title,
            f"Weight {criterion.weight}\n{criterion.description}".strip() + (f"\nQuestions:\n{questions}" if questions else ""),
        )
    return described


def compare(older: dict, newer: dict) -> list[Change]:
    """What changed between two versions' contents (from version_contents), section by section,
    then criterion by criterion (matched by title)."""
    changes = []
    old_sections = {section.key: section for section in older["spec_sections"]}
    for section in newer["spec_sections"]:
        before = old_sections.pop(section.key, None)
        old_text = before.text if before else ""
        if old_text != section.text:
            changes.append(Change(section.title, "Wording", old_text, section.text))
        old_activities = sorted(a.title for a in before.informed_by.all()) if before else []
        new_activities = sorted(a.title for a in section.informed_by.all())
        if old_activities != new_activities:
            changes.append(Change(section.title, "Informed by", "\n".join(old_activities), "\n".join(new_activities)))
    for section in old_sections.values():
        changes.append(Change(section.title, "Section", section.text, ""))
    old_criteria, new_criteria = _describe_criteria(older), _describe_criteria(newer)
    for key, (title, described) in new_criteria.items():
        before = old_criteria.pop(key, (title, ""))[1]
        if before != described:
            changes.append(Change("Evaluation criteria", title, before, described))
    for title, described in old_criteria.values():
        changes.append(Change("Evaluation criteria", title, described, ""))
    return changes
