"""Query budgets for the profile, reach and peer researcher pages: the same number of queries
after the data grows tenfold."""

from django.urls import reverse
from django.utils import timezone

from commissioning.participants import activity_participants_add
from commissioning.models import ActivityKind
from tests.careplans.factories import PersonFactory
from tests.commissioning.factories import ActivityFactory, GroupMemberFactory
from tests.commissioning.involvement.factories import (
    InvolvementProfileFactory,
    LocalPopulationFigureFactory,
    PeerResearcherFactory,
)
from tests.harness.auth import login_as
from tests.harness.queries import assert_fixed_queries


def _people_take_part(programme, count: int, team=None) -> None:
    members = []
    for n in range(count):
        member = GroupMemberFactory(programme=programme)
        InvolvementProfileFactory(user=member.user, ethnicity=["white", "asian", "black"][n % 3], age_band="50_64")
        members.append(member)
    for kind in (ActivityKind.WORKSHOP, ActivityKind.COMMUNITY_CONVERSATION):
        activity = ActivityFactory(programme=programme, kind=kind, happened_on=timezone.localdate())
        activity_participants_add(activity=activity, members=members)
    if team is not None:
        PersonFactory.create_batch(count, team=team)


def test_the_programme_reach_page_has_a_fixed_number_of_queries(client, commissioner, programme, team):
    _people_take_part(programme, 6, team)
    LocalPopulationFigureFactory(question="ethnicity", answer="white", people=900)
    login_as(client, commissioner)
    url = reverse("involvement:programme_reach", kwargs={"programme_id": programme.pk})
    # OTP device, programme, own groups (rules), summary, others, modes, equality counts,
    # care and support ages, population figures and their sources
    assert_fixed_queries(lambda: client.get(url), budget=10, grow=lambda: _people_take_part(programme, 60, team))


def test_the_council_reach_page_has_a_fixed_number_of_queries(client, commissioner, programme, team):
    _people_take_part(programme, 6, team)
    login_as(client, commissioner)
    url = reverse("involvement:council_reach")
    assert_fixed_queries(lambda: client.get(url), budget=8, grow=lambda: _people_take_part(programme, 60, team))


def test_the_activity_access_needs_page_has_a_fixed_number_of_queries(client, commissioner, programme):
    activity = ActivityFactory(programme=programme, happened_on=timezone.localdate())

    def grow(count):
        for _ in range(count):
            member = GroupMemberFactory(programme=programme)
            InvolvementProfileFactory(user=member.user, access_needs=["bsl"])
            activity_participants_add(activity=activity, members=[member])

    grow(2)
    login_as(client, commissioner)
    url = reverse("involvement:activity_access_needs", kwargs={"programme_id": programme.pk, "activity_id": activity.pk})
    # OTP device, programme, own groups, activity, participants, access needs, one audit insert
    assert_fixed_queries(lambda: client.get(url), budget=7, grow=lambda: grow(20))


def test_the_peer_researchers_page_has_a_fixed_number_of_queries(client, commissioner, programme):
    def grow(count):
        for _ in range(count):
            researcher = PeerResearcherFactory(member=GroupMemberFactory(programme=programme))
            for _ in range(2):
                interview = ActivityFactory(programme=programme, kind=ActivityKind.PEER_RESEARCH, happened_on=timezone.localdate())
                activity_participants_add(activity=interview, members=[researcher.member])

    grow(1)
    login_as(client, commissioner)
    url = reverse("involvement:peer_researchers", kwargs={"programme_id": programme.pk})
    # OTP device, programme, own groups, researchers, their interviews
    assert_fixed_queries(lambda: client.get(url), budget=5, grow=lambda: grow(10))


def test_the_profile_page_has_a_fixed_number_of_queries(client, person):
    InvolvementProfileFactory(user=person, access_needs=["bsl", "step_free"], ethnicity="white")
    login_as(client, person)
    # profile, the audit of the read
    assert_fixed_queries(lambda: client.get(reverse("involvement:profile")), budget=2, grow=lambda: None)
