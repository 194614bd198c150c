import factory
from factory.django import DjangoModelFactory

from careplans.models import CarePlan, Person, PlanComment, Representative
from tests.accounts.factories import TeamFactory, UserFactory


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Faker("name", locale="en_GB")
    team = factory.SubFactory(TeamFactory)
    date_of_birth = factory.Faker("date_of_birth", minimum_age=18, maximum_age=95)


class RepresentativeFactory(DjangoModelFactory):
    class Meta:
        model = Representative

    person = factory.SubFactory(PersonFactory)
    user = factory.SubFactory(UserFactory, roles=["carer"])
    name = factory.LazyAttribute(lambda o: o.user.full_name if o.user else "A relative")
    relationship = Representative.Relationship.CARER
    basis = Representative.Basis.CONSENT
    recorded_by = factory.SubFactory(UserFactory, roles=["practitioner"])


class CarePlanFactory(DjangoModelFactory):
    class Meta:
        model = CarePlan

    person = factory.SubFactory(PersonFactory)
    version = factory.Sequence(lambda n: n + 1)
    created_by = factory.SubFactory(UserFactory, roles=["practitioner"])
    content = factory.LazyFunction(
        lambda: {"sections": {"goals": {"status": "completed", "fields": {"goals": {"text": "I want to get back to the allotment", "whose": "person"}}}}}
    )


class PlanCommentFactory(DjangoModelFactory):
    class Meta:
        model = PlanComment

    plan = factory.SubFactory(CarePlanFactory)
    section = "goals"
    author = factory.SubFactory(UserFactory)
    text = "That's right, Tuesdays especially"
