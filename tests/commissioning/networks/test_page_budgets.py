"""Query budgets for the network pages, the same after the data grows tenfold."""

import datetime

import pytest
from django.urls import reverse

from commissioning.networks import services
from commissioning.networks.models import Network, NetworkMember
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory
from tests.harness.queries import assert_fixed_queries


@pytest.fixture
def network(commissioner, person):
    network = services.network_create(by=commissioner, data={"name": "Good days", "kind": Network.Kind.NETWORK, "aim": "Good days."})
    services.member_add(network=network, by=commissioner, data={"user": person, "kind": NetworkMember.Kind.PERSON})
    services.way_of_working_write(network=network, text="We share.", by=commissioner)
    return network


def _grow(network, commissioner, times):
    for index in range(times):
        user = UserFactory(roles=["carer"])
        services.member_add(network=network, by=commissioner, data={"user": user, "kind": NetworkMember.Kind.CARER})
        services.member_add(network=network, by=commissioner, data={"organisation": OrganisationFactory(kind="provider"),
                                                                    "kind": NetworkMember.Kind.PROVIDER})
        thread = services.thread_start(network=network, title=f"Thread {index}", text="Hello.", by=user)
        services.post_add(thread=thread, text="Hello back.", by=commissioner)
        services.library_add(network=network, by=user, data={"title": f"Item {index}", "summary": "Useful.", "link": ""})
        meeting = services.meeting_create(network=network, by=commissioner, data={
            "title": f"Meeting {index}", "date": datetime.date(2026, 1, 1) + datetime.timedelta(days=index),
            "starts_at": datetime.time(10), "place": "Hall"})
        services.paper_add(meeting=meeting, by=commissioner, data={"title": "P", "text": "T", "easy_read_text": ""})
        services.papers_send(meeting=meeting, by=commissioner)


def _grow_networks(commissioner, person, times):
    for _ in range(times):
        network = services.network_create(by=commissioner, data={"name": "N", "kind": Network.Kind.NETWORK, "aim": "A."})
        services.member_add(network=network, by=commissioner, data={"user": person, "kind": NetworkMember.Kind.PERSON})
        _grow(network, commissioner, 1)


def test_the_networks_list_costs_the_same_with_ten_times_the_networks(client_as, commissioner, person, network):
    _grow_networks(commissioner, person, 1)
    client = client_as(person)
    # the person's memberships (for the rule and the list), then the networks with their counts
    assert_fixed_queries(lambda: client.get(reverse("networks:network_list")), budget=2,
                         grow=lambda: _grow_networks(commissioner, person, 10))


def test_the_network_page_costs_the_same_with_ten_times_the_members_threads_library_and_meetings(client_as, commissioner, person, network):
    _grow(network, commissioner, 1)
    client = client_as(person)
    url = reverse("networks:network_detail", kwargs={"network_id": network.pk})
    # the network, the user's memberships (the rule), their place in it, the way of working and
    # whether they agreed it, the members, alliances, threads, library and meetings
    assert_fixed_queries(lambda: client.get(url), budget=10, grow=lambda: _grow(network, commissioner, 10))


def test_the_meeting_page_costs_the_same_with_ten_times_the_members_and_papers(client_as, commissioner, person, network):
    meeting = services.meeting_create(network=network, by=commissioner, data={
        "title": "Spring", "date": datetime.date(2026, 4, 1), "starts_at": datetime.time(10), "place": "Hall"})

    def grow(times):
        for _ in range(times):
            services.member_add(network=network, by=commissioner, data={"user": UserFactory(roles=["carer"]), "kind": NetworkMember.Kind.CARER})
            services.paper_add(meeting=meeting, by=commissioner, data={"title": "P", "text": "T", "easy_read_text": ""})
        services.papers_send(meeting=meeting, by=commissioner)
        services.minutes_put_forward(meeting=meeting, minutes="Agreed.", by=commissioner)

    grow(1)
    client = client_as(person)
    url = reverse("networks:meeting_detail", kwargs={"network_id": network.pk, "meeting_id": meeting.pk})
    assert_fixed_queries(lambda: client.get(url), budget=5, grow=lambda: grow(10))
