"""Query budgets for the ledger, spend, self-assessment and self-check pages: the same number
of queries after the data grows tenfold."""

from django.urls import reverse
from django.utils import timezone

from commissioning.involvement.ledger import services as ledger_services
from commissioning.participants import activity_participants_add
from commissioning.involvement.spectrum import PRACTICE_STEPS, STEPS
from commissioning.models import MemberRole
from tests.commissioning.factories import (
    ActivityFactory,
    GroupMemberFactory,
    ProgrammeFactory,
)
from tests.commissioning.involvement.factories import (
    AssessmentRoundFactory,
    ClaimFactory,
    RecognitionRateFactory,
    SelfCheckAnswerFactory,
    SelfCheckFactory,
    StepRatingFactory,
)
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as
from tests.harness.queries import assert_fixed_queries


def _claims(programme, person, commissioner, count):
    """count activities of the programme, each with the person's claims in three states and someone else's."""
    rate = RecognitionRateFactory(set_by=commissioner)
    member = programme.members.filter(user=person).first() or GroupMemberFactory(programme=programme, user=person)
    for _ in range(count):
        activity = ActivityFactory(programme=programme, happened_on=timezone.localdate())
        activity_participants_add(activity=activity, members=[member])
        ClaimFactory(claimant=person, activity=activity, category="travel")
        ledger_services.claim_approve(claim=ClaimFactory(claimant=person, activity=activity, category="payment", amount="40", rate=rate, units="2"), by=commissioner)
        ledger_services.claim_query(claim=ClaimFactory(claimant=person, activity=activity, category="childcare", amount="20"), by=commissioner, reason="Which day?")
        ClaimFactory(claimant=UserFactory(roles=["carer"]), activity=activity, category="travel", entered_by=commissioner)


def _programme(commissioner, person):
    programme = ProgrammeFactory(lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    return programme


def test_a_persons_own_ledger_has_a_fixed_number_of_queries(client, person, commissioner):
    programme = _programme(commissioner, person)
    _claims(programme, person, commissioner, 1)
    login_as(client, person)
    assert_fixed_queries(lambda: client.get(reverse("involvement:my_claims")), budget=BUDGETS["my_claims"],
                         grow=lambda: _claims(programme, person, commissioner, 10))


def test_the_organisers_claims_page_has_a_fixed_number_of_queries(client, person, commissioner):
    programme = _programme(commissioner, person)
    _claims(programme, person, commissioner, 1)
    login_as(client, commissioner)
    url = reverse("involvement:programme_claims", kwargs={"programme_id": programme.pk})
    assert_fixed_queries(lambda: client.get(url), budget=BUDGETS["programme_claims"],
                         grow=lambda: _claims(programme, person, commissioner, 10))


def test_the_spend_pages_have_a_fixed_number_of_queries(client, person, commissioner):
    programme = _programme(commissioner, person)
    _claims(programme, person, commissioner, 1)
    login_as(client, commissioner)
    url = reverse("involvement:programme_spend", kwargs={"programme_id": programme.pk})

    def grow():
        _claims(programme, person, commissioner, 10)
        for _ in range(10):
            _claims(_programme(commissioner, person), person, commissioner, 1)

    assert_fixed_queries(lambda: client.get(url), budget=BUDGETS["programme_spend"], grow=lambda: _claims(programme, person, commissioner, 10))
    assert_fixed_queries(lambda: client.get(reverse("involvement:spend")), budget=BUDGETS["spend"], grow=grow)


def test_the_payments_page_has_a_fixed_number_of_queries(client, person, commissioner):
    programme = _programme(commissioner, person)

    def grow(times):
        for _ in range(times):
            _claims(programme, person, commissioner, 1)
            ledger_services.claims_export(by=commissioner)
        _claims(programme, person, commissioner, times)

    grow(1)
    login_as(client, commissioner)
    assert_fixed_queries(lambda: client.get(reverse("involvement:payments")), budget=BUDGETS["payments"], grow=lambda: grow(10))


def _rounds(commissioner, person, count):
    for n in range(count):
        assessment_round = AssessmentRoundFactory(created_by=commissioner, assessed_on=timezone.localdate())
        assessment_round.assessors.add(person, commissioner)
        for step in STEPS:
            StepRatingFactory(assessment_round=assessment_round, step_key=step.key, rating=["not_started", "started", "well_established"][n % 3])


def test_the_self_assessment_pages_have_a_fixed_number_of_queries(client, person, commissioner):
    _rounds(commissioner, person, 2)
    login_as(client, commissioner)
    assert_fixed_queries(lambda: client.get(reverse("involvement:selfassessment")), budget=BUDGETS["selfassessment"],
                         grow=lambda: _rounds(commissioner, person, 20))
    from commissioning.involvement.models import AssessmentRound

    latest = AssessmentRound.objects.order_by("-assessed_on", "-pk").first()
    url = reverse("involvement:round_detail", kwargs={"round_id": latest.pk})
    assert_fixed_queries(lambda: client.get(url), budget=BUDGETS["round_detail"], grow=lambda: _rounds(commissioner, person, 10))


def _checks(practitioner, team, count):
    for _ in range(count):
        check = SelfCheckFactory(practitioner=practitioner, team=team)
        for step in PRACTICE_STEPS:
            SelfCheckAnswerFactory(self_check=check, step_key=step.key, answer="mostly")


def test_the_self_check_pages_have_a_fixed_number_of_queries(client, practitioner, team_manager, team, settings):
    settings.CHECKLIST_MIN_GROUP_SIZE = 2
    _checks(practitioner, team, 1)
    _checks(UserFactory(roles=["practitioner"], teams=[team]), team, 1)
    login_as(client, practitioner)
    assert_fixed_queries(lambda: client.get(reverse("involvement:self_checks")), budget=BUDGETS["self_checks"],
                         grow=lambda: _checks(practitioner, team, 10))
    login_as(client, team_manager)

    def grow():
        for _ in range(10):
            _checks(UserFactory(roles=["practitioner"], teams=[team]), team, 2)

    assert_fixed_queries(lambda: client.get(reverse("involvement:self_check_team")), budget=BUDGETS["self_check_team"], grow=grow)


# The signed-in account comes from the cache, so (where the page needs them) the user's programme
# memberships for the rules, the programme, a count for the pagination, the page of rows, the totals in SQL and one
# audit insert for the personal records shown. A self-assessment round also reads one query for each app
# whose records evidence a step (consortia, boards' decisions, recruitment panels, networks,
# alliances, training and peer research): one each, however many records there are.
BUDGETS = {
    "my_claims": 3, "programme_claims": 7, "programme_spend": 7, "spend": 5, "payments": 4,
    "selfassessment": 5, "round_detail": 13, "self_checks": 4, "self_check_team": 4,
}
