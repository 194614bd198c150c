import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.specifications.models import (
    BidderQuestion,
    EvaluationCriterion,
    GlossaryTerm,
    Section,
    SectionComment,
    ShortlistQuestion,
    Specification,
    SpecificationVersion,
)
from commissioning.specifications.services import specification_create
from tests.commissioning.factories import ProgrammeFactory
from tests.coproduction.accounts.factories import UserFactory


class SpecificationFactory(DjangoModelFactory):
    """A specification with version 1 as a draft holding the standard sections (made by the service)."""

    class Meta:
        model = Specification

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Day opportunities specification {n}")
    decision = None
    created_by = factory.LazyAttribute(lambda spec: spec.programme.lead)

    @classmethod
    def _create(cls, model_class, *args, created_by, **kwargs):
        return specification_create(by=created_by, **kwargs)


def draft_of(specification: Specification) -> SpecificationVersion:
    return specification.versions.get(status=SpecificationVersion.Status.DRAFT)


class SpecificationVersionFactory(DjangoModelFactory):
    class Meta:
        model = SpecificationVersion

    specification = factory.SubFactory(SpecificationFactory)
    number = factory.Sequence(lambda n: 100 + n)
    status = SpecificationVersion.Status.PUBLISHED
    created_by = factory.LazyAttribute(lambda version: version.specification.created_by)
    published_by = factory.LazyAttribute(lambda version: version.created_by if version.status == "published" else None)
    published_at = factory.LazyAttribute(lambda version: timezone.now() if version.status == "published" else None)


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section

    version = factory.SubFactory(SpecificationVersionFactory, status=SpecificationVersion.Status.DRAFT)
    key = factory.Sequence(lambda n: f"extra_{n}")
    title = factory.Sequence(lambda n: f"Extra section {n}")
    position = factory.Sequence(lambda n: 50 + n)
    text = "People told us they want somewhere to go at weekends."


class SectionCommentFactory(DjangoModelFactory):
    class Meta:
        model = SectionComment

    section = factory.SubFactory(SectionFactory)
    author = factory.SubFactory(UserFactory, roles=["person"])
    text = "Please say the service is open on Saturdays."
    proposed_wording = ""


class EvaluationCriterionFactory(DjangoModelFactory):
    class Meta:
        model = EvaluationCriterion

    version = factory.SubFactory(SpecificationVersionFactory, status=SpecificationVersion.Status.DRAFT)
    title = factory.Sequence(lambda n: f"Criterion {n}")
    description = "How the provider will work with the people who use the service."
    weight = 25
    position = factory.Sequence(lambda n: n)


class BidderQuestionFactory(DjangoModelFactory):
    class Meta:
        model = BidderQuestion

    criterion = factory.SubFactory(EvaluationCriterionFactory)
    text = "How will people who use the service help run it?"
    kind = BidderQuestion.Kind.WRITTEN
    proposed_by = None


class ShortlistQuestionFactory(DjangoModelFactory):
    class Meta:
        model = ShortlistQuestion

    version = factory.SubFactory(SpecificationVersionFactory)
    text = "Is the provider registered with the Care Quality Commission?"
    kind = ShortlistQuestion.Kind.PASS_FAIL
    position = factory.Sequence(lambda n: n + 1)


class GlossaryTermFactory(DjangoModelFactory):
    class Meta:
        model = GlossaryTerm

    term = factory.Sequence(lambda n: f"jargon word {n}")
    explanation = "A plain explanation."
    updated_by = factory.SubFactory(UserFactory, roles=["commissioner"])
