import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.priorities.models import (
    Evidence,
    Indicator,
    Outcome,
    OutcomeComment,
    Priority,
    PriorityComment,
    Shortlist,
    ShortlistEntry,
    Support,
)
from tests.commissioning.factories import (
    ActivityFactory,
    DecisionFactory,
    ProgrammeFactory,
)
from tests.coproduction.accounts.factories import UserFactory


class PriorityFactory(DjangoModelFactory):
    class Meta:
        model = Priority

    programme = factory.SubFactory(ProgrammeFactory)
    kind = Priority.Kind.PRIORITY
    title = factory.Sequence(lambda n: f"More to do at weekends {n}")
    description = "The centre shuts on Friday and people are stuck at home."
    proposed_by = factory.SubFactory(UserFactory, roles=["person"])


class PriorityCommentFactory(DjangoModelFactory):
    class Meta:
        model = PriorityComment

    priority = factory.SubFactory(PriorityFactory)
    author = factory.SubFactory(UserFactory, roles=["carer"])
    text = "Saturdays especially."


class SupportFactory(DjangoModelFactory):
    class Meta:
        model = Support

    priority = factory.SubFactory(PriorityFactory)
    member = factory.SubFactory(UserFactory, roles=["person"])


class ShortlistFactory(DjangoModelFactory):
    class Meta:
        model = Shortlist

    programme = factory.SubFactory(ProgrammeFactory)
    decision = factory.SubFactory(DecisionFactory, programme=factory.SelfAttribute("..programme"))
    activity = factory.SubFactory(ActivityFactory, programme=factory.SelfAttribute("..programme"), kind="priority_setting")
    recorded_by = factory.LazyAttribute(lambda shortlist: shortlist.programme.lead)


class ShortlistEntryFactory(DjangoModelFactory):
    class Meta:
        model = ShortlistEntry

    shortlist = factory.SubFactory(ShortlistFactory)
    priority = factory.SubFactory(PriorityFactory, programme=factory.SelfAttribute("..shortlist.programme"))
    rank = factory.Sequence(lambda n: n + 1)


class OutcomeFactory(DjangoModelFactory):
    class Meta:
        model = Outcome

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"I have things to do that I enjoy, near where I live ({n})")
    position = factory.Sequence(lambda n: n + 1)


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    outcome = factory.SubFactory(OutcomeFactory)
    name = factory.Sequence(lambda n: f"People who do something they enjoy each week ({n})")
    how_measured = "A short Easy Read survey every 6 months"
    who_measures = "People who use the service, in a peer survey"
    data_source = "Peer survey"
    position = factory.Sequence(lambda n: n + 1)


class OutcomeCommentFactory(DjangoModelFactory):
    class Meta:
        model = OutcomeComment

    outcome = factory.SubFactory(OutcomeFactory)
    author = factory.SubFactory(UserFactory, roles=["person"])
    text = "This is the one that matters most."


class EvidenceFactory(DjangoModelFactory):
    class Meta:
        model = Evidence

    programme = factory.SubFactory(ProgrammeFactory)
    kind = Evidence.Kind.LOCAL_DATA
    title = factory.Sequence(lambda n: f"Day services census {n}")
    text = "142 adults use day services; none is open at weekends."
    recorded_by = factory.LazyAttribute(lambda evidence: evidence.programme.lead)


class StoryFactory(EvidenceFactory):
    """A story told with consent."""

    kind = Evidence.Kind.STORY
    title = factory.Sequence(lambda n: f"Saturday at home {n}")
    text = "Every Saturday my son waits by the window for a bus that does not come."
    told_by = "A carer in the north of the borough"
    consent_given = True
    consent_given_on = factory.LazyFunction(timezone.localdate)
    consent_how = "In person, on the consent form"
