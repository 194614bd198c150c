"""Networks: an agreed way of working, open discussions, meetings whose minutes every member
agrees, alliance agreements shown on their contracts, and peer support networks the council
enables but never reads."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from commissioning.networks import services
from commissioning.networks.models import Alliance, Network, NetworkMember, Post, WayOfWorking
from coproduction.accounts.models import Role
from coproduction.core.personal_data import Subject
from coproduction.governance.sar.export import build_parts
from tests.commissioning.monitoring.factories import ContractFactory
from tests.commissioning.priorities.factories import IndicatorFactory, OutcomeFactory
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory
from tests.harness.bad_input import assert_bad_input

SECRET = "I have not slept properly since March and nobody at the council knows"


@pytest.fixture
def peer(commissioner, carer):
    peer = services.network_create(by=commissioner, founder=carer, data={
        "name": "Carers together", "kind": Network.Kind.PEER_SUPPORT, "aim": "Carers support each other."})
    services.member_add(network=peer, by=carer, data={"user": UserFactory(roles=["carer"]), "kind": NetworkMember.Kind.CARER})
    services.thread_start(network=peer, title="Sleep", text=SECRET, by=carer)
    return peer


def _url(name, network, **kwargs):
    return reverse(f"networks:{name}", kwargs={"network_id": network.pk, **kwargs})


def test_members_agree_the_way_of_working_and_a_new_version_asks_everyone_again(client_as, network, commissioner, person):
    client_as(commissioner).post(_url("way_of_working_edit", network), {"text": "We share everything with every member."})
    client = client_as(person)
    client.post(_url("way_of_working_agree", network))
    page = client.get(_url("network_detail", network)).text
    assert "You have agreed this version" in page and "Agreed by 1 of 3 members" in page
    client_as(commissioner).post(_url("way_of_working_edit", network), {"text": "We share everything, and decide together."})
    page = client.get(_url("network_detail", network)).text
    assert "Version 2" in page and "I agree this way of working" in page and "Agreed by 0 of 3 members" in page


def test_a_meetings_minutes_are_agreed_by_every_member_and_changing_them_asks_again(client_as, network, commissioner, person, carer):
    meeting = services.meeting_create(network=network, by=commissioner, data={
        "title": "Spring meeting", "date": datetime.date(2026, 4, 1), "starts_at": datetime.time(10), "place": "Hall"})
    services.paper_add(meeting=meeting, by=commissioner, data={"title": "Transport", "text": "Options.", "easy_read_text": "Buses."})
    services.papers_send(meeting=meeting, by=commissioner)
    url = _url("meeting_detail", network, meeting_id=meeting.pk)
    client_as(commissioner).post(_url("minutes_edit", network, meeting_id=meeting.pk), {"minutes": "We agreed the bus."})
    for user in (commissioner, person):
        client_as(user).post(_url("minutes_agree", network, meeting_id=meeting.pk))
    assert "Agreed by 2 of 3 members" in client_as(person).get(url).text
    client_as(carer).post(_url("minutes_agree", network, meeting_id=meeting.pk))
    assert "Agreed by every member" in client_as(person).get(url).text
    client_as(commissioner).post(_url("minutes_edit", network, meeting_id=meeting.pk), {"minutes": "We agreed the bus at 10am."})
    assert "Agreed by 0 of 3 members" in client_as(person).get(url).text
    # The Easy Read papers go to whoever asks for them.
    pack = client_as(person).get(_url("papers_pack", network, meeting_id=meeting.pk) + "?format=easy_read").text
    assert "Buses." in pack and "Options." not in pack


def test_every_network_form_keeps_answers_and_saves_nothing_on_bad_input(client_as, network, commissioner, carer):
    client = client_as(commissioner)
    counts = lambda: (Network.objects.count(), NetworkMember.objects.count(), WayOfWorking.objects.count(), Post.objects.count(),  # noqa: E731
                      Alliance.objects.count(), network.library.count(), network.meetings.count())
    assert_bad_input(client, reverse("networks:network_add"), {"name": "Carers together", "kind": "peer_support", "aim": "Support."},
                     errors=["Select the person who will start and moderate the peer support network"], kept=["name"], unchanged=counts)
    assert_bad_input(client, _url("member_add", network), {"user": UserFactory().pk, "organisation": OrganisationFactory().pk, "kind": "other"},
                     errors=["Select a person or an organisation, not both"], unchanged=counts)
    assert_bad_input(client, _url("way_of_working_edit", network), {"text": ""}, errors=["Enter the way of working"], unchanged=counts)
    assert_bad_input(client, _url("thread_add", network), {"title": "Buses", "text": ""}, errors=["Enter your message"], kept=["title"],
                     unchanged=counts)
    assert_bad_input(client, _url("library_add", network), {"title": "Report", "summary": "Words", "link": "not a web address"},
                     errors=["Enter a web address, like https://www.example.org/report"], kept=["title", "summary"], unchanged=counts)
    assert_bad_input(client, _url("meeting_add", network), {"title": "Spring", "date_0": "31", "date_1": "2", "date_2": "2027",
                                                            "starts_at": "10am", "place": "Hall"},
                     errors=["Date must be a real date"], kept=["title", "place"], unchanged=counts)


@pytest.fixture
def providers(network, commissioner):
    found = []
    for name in ("Riverside Support Ltd", "Bright Days CIC"):
        organisation = OrganisationFactory(name=name, kind="provider")
        services.member_add(network=network, by=commissioner, data={"organisation": organisation, "kind": NetworkMember.Kind.PROVIDER})
        found.append(organisation)
    return found


def test_an_alliances_risk_and_reward_shares_must_each_add_up_to_100(client_as, network, commissioner, providers):
    outcome = OutcomeFactory()
    riverside, bright = providers
    data = {"name": "Good days alliance", "starts_on_0": "1", "starts_on_1": "4", "starts_on_2": "2026",
            "ends_on_0": "31", "ends_on_1": "3", "ends_on_2": "2029", "outcomes": [outcome.pk],
            f"risk_{riverside.pk}": "60", f"reward_{riverside.pk}": "50", f"risk_{bright.pk}": "30", f"reward_{bright.pk}": "50"}
    assert_bad_input(client_as(commissioner), _url("alliance_add", network), data,
                     errors=["The shares of the risk must add up to 100%: they add up to 90%"], kept=["name"],
                     unchanged=lambda: (Alliance.objects.count(), list(Alliance.objects.values_list("shares", flat=True))))


def test_the_contracts_monitoring_page_shows_the_alliances_shared_indicators(client_as, network, commissioner, providers):
    contract = ContractFactory(created_by=commissioner, programme__lead=commissioner)
    indicator = IndicatorFactory(outcome=OutcomeFactory(programme=contract.programme), name="People who do something they enjoy each week")
    riverside, bright = providers
    services.alliance_create(network=network, by=commissioner, data={
        "name": "Good days alliance", "starts_on": datetime.date(2026, 4, 1), "ends_on": datetime.date(2029, 3, 31),
        "outcomes": [indicator.outcome], "contracts": [contract]}, shares=[
        {"organisation": riverside, "risk_share": Decimal("60"), "reward_share": Decimal("55.5")},
        {"organisation": bright, "risk_share": Decimal("40"), "reward_share": Decimal("44.5")}])
    page = BeautifulSoup(client_as(commissioner).get(reverse("monitoring:contract_detail", kwargs={
        "programme_id": contract.programme_id, "contract_id": contract.pk})).content, "html.parser")
    section = page.find(id="alliances").find_next("ul").get_text(" ", strip=True)
    assert "Delivered by an alliance" in page.text and "55.5% of the reward" in page.text
    assert "People who do something they enjoy each week" in section


def test_a_peer_support_networks_words_never_reach_council_staff(client, client_as, users, peer, carer, commissioner):
    thread = peer.threads.get()
    assert SECRET in client_as(carer).get(_url("thread_detail", peer, thread_id=thread.pk)).text
    staff = [users[role] for role in (Role.COMMISSIONER, Role.PRACTITIONER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.ADMINISTRATOR)]
    services.listing_set(network=peer, listed=True, by=carer, description="Carers meet for a chat.")
    peer.refresh_from_db()
    # Every page staff can open is checked by the authorization matrix (its world has a peer
    # support network too); here, the council's own pages about it, searching and exporting the map.
    for user in (users[Role.COMMISSIONER], users[Role.ADMINISTRATOR]):
        client = client_as(user)
        pages = [reverse("networks:network_list"), _url("network_detail", peer), _url("thread_detail", peer, thread_id=thread.pk),
                 reverse("assets:search") + "?q=carers", reverse("assets:asset_detail", kwargs={"asset_id": peer.listed_asset_id}),
                 reverse("assets:oruk_export"), reverse("audit:event_list"), reverse("accounts:home")]
        for url in pages:
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert SECRET.encode() not in body and b"Sleep" not in body, f"{user.roles} read it at {url}"
    # The council sees the network and how many members it has, not who they are.
    summary = client_as(commissioner).get(_url("network_detail", peer)).text
    assert "Carers together" in summary and ">2<" in summary.replace(" ", "")
    assert carer.full_name not in summary
    # A subject access request for the staff member who set the network up holds none of it.
    for user in staff:
        parts = build_parts(Subject.of(user))
        text = repr([section.rows for part in parts for section in part.sections])
        assert SECRET not in text and "Sleep" not in text
    # The member who wrote it gets their words in their own subject access request.
    mine = repr([section.rows for part in build_parts(Subject.of(carer)) for section in part.sections])
    assert SECRET in mine


def test_peer_support_members_moderate_their_own_threads_and_the_council_cannot(client_as, peer, carer, commissioner):
    thread = peer.threads.get()
    post = thread.posts.get()
    url = _url("post_hide", peer, thread_id=thread.pk, post_id=post.pk)
    assert client_as(commissioner).post(url).status_code == 404
    client_as(carer).post(url)
    post.refresh_from_db()
    assert post.hidden_at is not None and post.hidden_by == carer


def test_a_peer_support_network_lists_itself_on_the_asset_map_and_comes_off_again(client, client_as, peer, carer):
    client_as(carer).post(_url("listing", peer), {"description": "Carers meet on Tuesdays for a chat."})
    peer.refresh_from_db()
    listed = client.get(reverse("assets:asset_detail", kwargs={"asset_id": peer.listed_asset_id}))
    assert listed.status_code == 200 and "Carers meet on Tuesdays for a chat." in listed.text
    link = reverse("assets:asset_detail", kwargs={"asset_id": peer.listed_asset_id})
    assert link in client.get(reverse("assets:search") + "?q=Carers+together").text
    client_as(carer).post(_url("listing", peer), {"take_off": "1"})
    assert link not in client.get(reverse("assets:search") + "?q=Carers+together").text


def test_a_network_without_a_founder_cannot_be_a_peer_support_network(commissioner):
    with pytest.raises(ValidationError):
        services.network_create(by=commissioner, data={"name": "X", "kind": Network.Kind.PEER_SUPPORT, "aim": "Y"})
