import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from coproduction.governance.consent.wording import CURRENT, WORDING
from coproduction.governance.models import (
    AnonymisedRecord,
    Consent,
    ErasureRequest,
    RetentionRun,
)
from tests.careplans.factories import PersonFactory
from tests.coproduction.accounts.factories import UserFactory


class ConsentFactory(DjangoModelFactory):
    """A person's consent to their review statements being used for Working Together for Change."""

    class Meta:
        model = Consent

    purpose = Consent.Purpose.REVIEW_STATEMENTS
    event = Consent.Event.GIVEN
    person = factory.SubFactory(PersonFactory)
    subject_key = factory.LazyAttribute(lambda consent: f"review_statements:person:{consent.person.pk}")
    given_by = Consent.GivenBy.PERSON
    wording_version = CURRENT[Consent.Purpose.REVIEW_STATEMENTS]
    wording = WORDING[Consent.Purpose.REVIEW_STATEMENTS][CURRENT[Consent.Purpose.REVIEW_STATEMENTS]]
    recorded_by = factory.SubFactory(UserFactory, roles=["practitioner"])


class RetentionRunFactory(DjangoModelFactory):
    class Meta:
        model = RetentionRun

    finished_at = factory.LazyFunction(timezone.now)
    counts = factory.LazyFunction(lambda: {"care_records": 0})


class AnonymisedRecordFactory(DjangoModelFactory):
    class Meta:
        model = AnonymisedRecord

    record_type = "care_records"
    record_id = factory.Sequence(lambda n: n + 1)
    run = factory.SubFactory(RetentionRunFactory)


class ErasureRequestFactory(DjangoModelFactory):
    class Meta:
        model = ErasureRequest

    person = factory.SubFactory(PersonFactory)
    received_on = factory.LazyFunction(timezone.localdate)
    reason = "Letter asking us to erase everything we hold."
    ground = ErasureRequest.Ground.NONE
    recorded_by = factory.SubFactory(UserFactory, roles=["administrator"])
