"""Factories for the involvement models."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.involvement.models import (
    AssessmentRound,
    Claim,
    ClaimCategory,
    ClaimExport,
    ClaimKind,
    InvolvementProfile,
    LocalPopulationFigure,
    Participation,
    PeerResearcher,
    RecognitionRate,
    SelfCheck,
    SelfCheckAnswer,
    StepRating,
)
from tests.commissioning.factories import ActivityFactory, GroupMemberFactory
from tests.coproduction.accounts.factories import UserFactory

# ---- Recognition and expenses ledger, self-assessment and self-check ----------------------


class RecognitionRateFactory(DjangoModelFactory):
    class Meta:
        model = RecognitionRate

    name = factory.Sequence(lambda n: f"Panel member rate {n}")
    unit = RecognitionRate.Unit.HOUR
    amount = "20.00"
    set_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class ClaimExportFactory(DjangoModelFactory):
    class Meta:
        model = ClaimExport

    exported_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class ClaimFactory(DjangoModelFactory):
    """A claim waiting for approval, for an activity that happened recently."""

    class Meta:
        model = Claim

    claimant = factory.SubFactory(UserFactory, roles=["person"])
    activity = factory.SubFactory(ActivityFactory, happened_on=factory.LazyFunction(timezone.localdate))
    category = ClaimCategory.TRAVEL
    kind = factory.LazyAttribute(lambda claim: ClaimKind.RECOGNITION if claim.category in ("payment", "voucher", "accreditation", "training") else ClaimKind.EXPENSE)
    amount = "12.50"
    description = "Bus fares there and back"
    entered_by = factory.LazyAttribute(lambda claim: claim.claimant)


class AssessmentRoundFactory(DjangoModelFactory):
    class Meta:
        model = AssessmentRound

    title = factory.Sequence(lambda n: f"Self-assessment round {n}")
    created_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class StepRatingFactory(DjangoModelFactory):
    class Meta:
        model = StepRating

    assessment_round = factory.SubFactory(AssessmentRoundFactory)
    step_key = "find_assets"
    rating = "started"
    evidence = "We mapped the assets in the north of the borough."


class SelfCheckFactory(DjangoModelFactory):
    class Meta:
        model = SelfCheck

    practitioner = factory.SubFactory(UserFactory, roles=["practitioner"])


class SelfCheckAnswerFactory(DjangoModelFactory):
    class Meta:
        model = SelfCheckAnswer

    self_check = factory.SubFactory(SelfCheckFactory)
    step_key = "explain"
    answer = "mostly"


# ---- Involvement profiles, population figures, peer researchers -----------------------------


class InvolvementProfileFactory(DjangoModelFactory):
    class Meta:
        model = InvolvementProfile

    user = factory.SubFactory(UserFactory, roles=["person"])
    contact_method = "email"
    preferred_format = "standard"


class LocalPopulationFigureFactory(DjangoModelFactory):
    class Meta:
        model = LocalPopulationFigure

    question = "ethnicity"
    answer = "white"
    people = 1000
    source = "Census 2021"
    updated_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class PeerResearcherFactory(DjangoModelFactory):
    class Meta:
        model = PeerResearcher

    programme = factory.LazyAttribute(lambda researcher: researcher.member.programme)
    member = factory.SubFactory(GroupMemberFactory)
    trained_on = factory.LazyFunction(timezone.localdate)
    training_notes = "Two days of peer research training with the university."
    added_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class ParticipationFactory(DjangoModelFactory):
    """Usually made by adding someone to an activity's participants; this one stands alone."""

    class Meta:
        model = Participation

    activity = factory.SubFactory(ActivityFactory, happened_on=factory.LazyFunction(timezone.localdate))
    programme = factory.LazyAttribute(lambda snapshot: snapshot.activity.programme)
    user = factory.SubFactory(UserFactory, roles=["person"])
    mode = "meeting"
    took_part_on = factory.LazyAttribute(lambda snapshot: snapshot.activity.happened_on)
