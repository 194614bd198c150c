import factory
from factory.django import DjangoModelFactory

from commissioning.models import (
    Activity,
    ActivityKind,
    Decision,
    DeliveryMilestone,
    DeliveryStatus,
    DeliveryUpdate,
    GroupMember,
    KeyDate,
    MemberRole,
    Programme,
    Stage,
)
from commissioning.services import programme_create
from tests.coproduction.accounts.factories import UserFactory


class ProgrammeFactory(DjangoModelFactory):
    """A programme with the default stages (made by the service), at its first stage."""

    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Day opportunities programme {n}")
    summary = "Planning day opportunities with the people who use them."
    visibility = Programme.Visibility.MEMBERS
    lead = factory.SubFactory(UserFactory, roles=["commissioner"])

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        current_stage = kwargs.pop("current_stage", None)
        programme = programme_create(**kwargs)
        if current_stage is not None:
            programme.current_stage = current_stage
            programme.save(update_fields=["current_stage"])
        return programme


def stage_of(programme: Programme, position: int = 1) -> Stage:
    return programme.stages.get(position=position)


class StageFactory(DjangoModelFactory):
    class Meta:
        model = Stage

    programme = factory.SubFactory(ProgrammeFactory)
    phase = "plan"
    name = factory.Sequence(lambda n: f"Stage {n}")
    position = factory.Sequence(lambda n: 100 + n)


class KeyDateFactory(DjangoModelFactory):
    class Meta:
        model = KeyDate

    programme = factory.SubFactory(ProgrammeFactory)
    label = "Specification agreed"
    date = factory.Faker("date_between", start_date="+1m", end_date="+6m")


class GroupMemberFactory(DjangoModelFactory):
    class Meta:
        model = GroupMember

    programme = factory.SubFactory(ProgrammeFactory)
    user = factory.SubFactory(UserFactory, roles=["person"])
    member_role = MemberRole.LIVED_EXPERIENCE


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    programme = factory.SubFactory(ProgrammeFactory)
    stage = factory.LazyAttribute(lambda activity: activity.programme.current_stage)
    kind = ActivityKind.WORKSHOP
    title = factory.Sequence(lambda n: f"Design workshop {n}")
    summary = "We talked about what a good day looks like."
    recorded_by = factory.LazyAttribute(lambda activity: activity.programme.lead)


class DecisionFactory(DjangoModelFactory):
    class Meta:
        model = Decision

    programme = factory.SubFactory(ProgrammeFactory)
    stage = factory.LazyAttribute(lambda decision: decision.programme.current_stage)
    title = factory.Sequence(lambda n: f"Decision {n}")
    decision = "Day opportunities will be open at weekends."
    decided_by = "The co-production group, by consensus"
    evidence = "Twelve of the fourteen people at the workshop said weekends were hardest."
    recorded_by = factory.LazyAttribute(lambda decision: decision.programme.lead)


class DeliveryUpdateFactory(DjangoModelFactory):
    class Meta:
        model = DeliveryUpdate

    decision = factory.SubFactory(DecisionFactory)
    update = "The art club met for the first time."
    evidence = "14 people came to the first session."
    status = DeliveryStatus.IN_PROGRESS
    recorded_by = factory.LazyAttribute(lambda update: update.decision.recorded_by)


class DeliveryMilestoneFactory(DjangoModelFactory):
    class Meta:
        model = DeliveryMilestone

    decision = factory.SubFactory(DecisionFactory)
    title = factory.Sequence(lambda n: f"Step {n}")
    due_on = factory.Faker("date_between", start_date="-30d", end_date="+90d")
