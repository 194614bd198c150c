"""Voting opening and results published reach eligible voters who asked to hear: the group's
members, and in a residents' round the residents who ticked the box when they registered."""

from urllib.parse import urlsplit

from django.urls import reverse

from commissioning.budgeting import services
from commissioning.budgeting.models import Round
from commissioning.models import MemberRole
from coproduction.notifications.selectors import messages_for
from coproduction.notifications.topics import Topic
from tests.commissioning.budgeting.factories import (
    PotFactory,
    ProposalFactory,
    RegistrationFactory,
    RoundFactory,
)
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.coproduction.accounts.factories import UserFactory


def _url(name, round_):
    return reverse(f"budgeting:{name}", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk})


def _round_in_review(programme, **extra):
    round_ = RoundFactory(programme=programme, phase=Round.Phase.REVIEW, **extra)
    ProposalFactory(pot=PotFactory(round=round_), title="Art club")
    return round_


def _budgeting(user):
    return list(messages_for(user=user).filter(topic=Topic.BUDGETING).values_list("subject", flat=True))


def test_voting_opening_and_results_reach_eligible_voters_who_asked_only(client_as, commissioner, person):
    programme = ProgrammeFactory(lead=commissioner, visibility="public")
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    left = GroupMemberFactory(programme=programme, left_on="2026-01-01").user
    round_ = _round_in_review(programme, title="Community chest", eligibility=Round.Eligibility.RESIDENTS)
    asked = RegistrationFactory(round=round_, wants_updates=True).user
    did_not_ask = RegistrationFactory(round=round_, wants_updates=False).user
    elsewhere = RegistrationFactory(round=RoundFactory(programme=programme), wants_updates=True).user  # another round
    stranger = UserFactory()

    services.round_move_on(round_=round_, by=commissioner)  # voting opens
    for user in (person, asked):
        assert _budgeting(user) == ["Voting has opened: Community chest"]
    for user in (did_not_ask, elsewhere, stranger, left, commissioner):
        assert _budgeting(user) == []
    opened = messages_for(user=asked).get()
    assert "Your vote is secret" in opened.body and urlsplit(opened.link).path == _url("round_detail", round_)

    services.round_move_on(round_=round_, by=commissioner)  # voting closes: not news
    services.results_publish(round_=round_, by=commissioner)
    services.results_publish(round_=round_, by=commissioner)  # a second click tells nobody twice
    for user in (person, asked):
        assert _budgeting(user) == ["The results are out: Community chest", "Voting has opened: Community chest"]
    assert all(_budgeting(user) == [] for user in (did_not_ask, elsewhere, stranger, left))
    results = messages_for(user=asked).first()
    assert client_as(asked).get(urlsplit(results.link).path).status_code == 200


def test_in_a_members_round_registrations_count_for_nothing(commissioner, person, carer):
    programme = ProgrammeFactory(lead=commissioner)
    GroupMemberFactory(programme=programme, user=person)
    round_ = _round_in_review(programme, eligibility=Round.Eligibility.MEMBERS)
    outsider = RegistrationFactory(round=round_, wants_updates=True).user  # left over from when it was a residents' round
    services.round_move_on(round_=round_, by=commissioner)
    assert len(_budgeting(person)) == 1
    assert _budgeting(outsider) == [] and _budgeting(carer) == []


def test_registering_asks_whether_to_hear_and_keeps_the_answer(client_as, commissioner):
    programme = ProgrammeFactory(lead=commissioner, visibility="public")
    round_ = _round_in_review(programme, eligibility=Round.Eligibility.RESIDENTS)
    resident, quiet = UserFactory(), UserFactory()
    page = client_as(resident).get(_url("register", round_)).content.decode()
    assert "Tell me when voting opens and when the results are published" in page
    assert client_as(resident).post(_url("register", round_), {"postcode": "LS1 4AP", "wants_updates": "on"}).status_code == 302
    assert client_as(quiet).post(_url("register", round_), {"postcode": "LS1 4AP"}).status_code == 302
    services.round_move_on(round_=round_, by=commissioner)
    assert len(_budgeting(resident)) == 1 and _budgeting(quiet) == []
