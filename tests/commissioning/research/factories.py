import datetime

import factory
from factory.django import DjangoModelFactory

from commissioning.models import ActivityKind
from commissioning.research.models import Finding, FindingCitation, Interview, ResearchProject, ResearchQuestion
from tests.commissioning.factories import ActivityFactory, ProgrammeFactory
from tests.commissioning.specifications.factories import SpecificationFactory
from tests.coproduction.accounts.factories import UserFactory


class ResearchProjectFactory(DjangoModelFactory):
    class Meta:
        model = ResearchProject

    programme = factory.SubFactory(ProgrammeFactory)
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..programme"), kind=ActivityKind.PEER_RESEARCH,
        title=factory.Sequence(lambda n: f"Peer research {n}"),
    )
    title = factory.Sequence(lambda n: f"What makes a good day {n}")
    purpose = "To hear from people who use day services before we write the specification."
    created_by = factory.LazyAttribute(lambda project: project.programme.lead)


class ResearchQuestionFactory(DjangoModelFactory):
    class Meta:
        model = ResearchQuestion

    project = factory.SubFactory(ResearchProjectFactory)
    text = "What works well for you now?"
    position = factory.Sequence(lambda n: n + 1)


class InterviewFactory(DjangoModelFactory):
    class Meta:
        model = Interview

    project = factory.SubFactory(ResearchProjectFactory)
    researcher = factory.SubFactory(UserFactory, roles=["quality_assessor"])
    held_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=10))
    consent_given = True
    words = "The best bit is seeing my friends. It would be even better if the bus came on Saturdays."


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = Finding

    project = factory.SubFactory(ResearchProjectFactory)
    theme = factory.Sequence(lambda n: f"Getting out and about {n}")
    i_statement = "I can get to the places I want to go, at weekends too."
    summary = "Most people said transport decides whether they can take part."
    created_by = factory.LazyAttribute(lambda finding: finding.project.created_by)


class FindingCitationFactory(DjangoModelFactory):
    class Meta:
        model = FindingCitation

    finding = factory.SubFactory(FindingFactory)
    specification = factory.SubFactory(SpecificationFactory, programme=factory.SelfAttribute("..finding.project.programme"))
    section_key = "outcomes"
    label = "Day opportunities specification: Outcomes"
