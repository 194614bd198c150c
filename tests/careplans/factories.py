import factory
from factory.django import DjangoModelFactory

from careplans.models import Person, Representative
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
