import factory
from factory.django import DjangoModelFactory

from commissioning.budgeting import services
from commissioning.budgeting.models import (
    AreaPostcode,
    Ballot,
    BallotChoice,
    Count,
    Pot,
    Proposal,
    Registration,
    Result,
    Round,
    Voter,
    VotingCode,
)
from commissioning.models import ActivityKind
from tests.commissioning.factories import ActivityFactory, ProgrammeFactory
from tests.coproduction.accounts.factories import UserFactory


class RoundFactory(DjangoModelFactory):
    class Meta:
        model = Round

    programme = factory.SubFactory(ProgrammeFactory)
    activity = factory.SubFactory(
        ActivityFactory, programme=factory.SelfAttribute("..programme"), kind=ActivityKind.PARTICIPATORY_BUDGETING,
        title=factory.SelfAttribute("..title"),
    )
    title = factory.Sequence(lambda n: f"Community chest {n}")
    description = "Ideas for what people can do in the day, chosen by the people who use day services."
    created_by = factory.LazyAttribute(lambda round_: round_.programme.lead)


class PotFactory(DjangoModelFactory):
    class Meta:
        model = Pot

    round = factory.SubFactory(RoundFactory)
    name = factory.Sequence(lambda n: f"Locality {n}")
    amount = 10_000


class ProposalFactory(DjangoModelFactory):
    class Meta:
        model = Proposal

    pot = factory.SubFactory(PotFactory)
    round = factory.SelfAttribute("pot.round")
    title = factory.Sequence(lambda n: f"Idea {n}")
    description = "A weekly art club at the library, open to everyone."
    cost = 1_000
    proposed_by = factory.SubFactory(UserFactory)
    feasibility = Proposal.Feasibility.FEASIBLE


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    round = factory.SubFactory(RoundFactory)
    user = factory.SubFactory(UserFactory)
    postcode = "LA9 4DL"


class AreaPostcodeFactory(DjangoModelFactory):
    class Meta:
        model = AreaPostcode
        django_get_or_create = ("postcode",)

    postcode = factory.Sequence(lambda n: f"LA9 {n % 10}{'ABDEFGHJLN'[n // 10 % 10]}{'PQRSTUWXYZ'[n // 100 % 10]}")
    area_code = "E06000064"


class VotingCodeFactory(DjangoModelFactory):
    """A code with a known plain value: `code` is not stored, only its digest."""

    class Meta:
        model = VotingCode
        exclude = ["code"]

    round = factory.SubFactory(RoundFactory)
    code = factory.Sequence(lambda n: f"ABCD-EFGH-{n:04d}".replace("0", "A").replace("1", "B"))
    digest = factory.LazyAttribute(lambda obj: services.code_digest(round_id=obj.round.pk, code=obj.code))
    serial = factory.Sequence(lambda n: n + 1)


class VoterFactory(DjangoModelFactory):
    class Meta:
        model = Voter

    pot = factory.SubFactory(PotFactory)
    user = factory.SubFactory(UserFactory)


class BallotFactory(DjangoModelFactory):
    class Meta:
        model = Ballot

    pot = factory.SubFactory(PotFactory)


class BallotChoiceFactory(DjangoModelFactory):
    class Meta:
        model = BallotChoice

    ballot = factory.SubFactory(BallotFactory)
    proposal = factory.SubFactory(ProposalFactory, pot=factory.SelfAttribute("..ballot.pot"))


class CountFactory(DjangoModelFactory):
    class Meta:
        model = Count

    round = factory.SubFactory(RoundFactory)


class ResultFactory(DjangoModelFactory):
    class Meta:
        model = Result

    proposal = factory.SubFactory(ProposalFactory)
    round = factory.SelfAttribute("proposal.round")
    rank = 1


def anonymous_ballots(pot: Pot, choices: dict[int, int], how_many: int = 1, via: str = Voter.Via.PAPER) -> None:
    """Ballots from people with codes, arranged quickly: a code, a Voter row and a Ballot each."""
    for _ in range(how_many):
        code = VotingCodeFactory(round=pot.round)
        Voter.objects.create(pot=pot, code=code, via=via)
        ballot = Ballot.objects.create(pot=pot)
        BallotChoice.objects.bulk_create(BallotChoice(ballot=ballot, proposal_id=pk, points=points) for pk, points in choices.items())
