"""'Votes open to you' on the home page of anyone in a co-production group, whatever their role."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.budgeting.models import Round
from coproduction.accounts.models import Role
from tests.commissioning.budgeting.factories import RoundFactory


def _home_text(client) -> str:
    response = client.get(reverse("accounts:home"), follow=True)
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_a_group_member_sees_the_vote_open_to_them_and_others_do_not(client_as, users, programme):
    RoundFactory(programme=programme, title="Day centre ideas fund", phase=Round.Phase.VOTING, eligibility=Round.Eligibility.MEMBERS)
    RoundFactory(programme=programme, title="Ideas still being shared", phase=Round.Phase.PROPOSALS, eligibility=Round.Eligibility.MEMBERS)
    member = _home_text(client_as(users[Role.CARER]))
    assert "Votes open to you" in member and "Day centre ideas fund , Day opportunities 2027" in member
    assert "Ideas still being shared" not in member
    outsider = _home_text(client_as(users[Role.PROVIDER]))
    assert "Votes open to you" not in outsider and "Day centre ideas fund" not in outsider
