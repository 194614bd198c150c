"""The demo shows a network with an agreed way of working, a meeting whose minutes every member
agreed and an alliance delivering a contract, and a peer support network on the asset map."""

from decimal import Decimal

from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.involvement.spectrum import records_for_steps
from commissioning.monitoring.demo import seed_monitoring_demo
from commissioning.networks.demo import ALLIANCE, NETWORK, PEER_NETWORK, seed_networks_demo
from commissioning.networks.models import Network
from commissioning.priorities.demo import seed_priorities_demo
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_networks_an_alliance_on_a_contract_and_a_peer_support_network_on_the_map(client):
    users = {}
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]),
                         ("provider", [Role.PROVIDER]), ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON]),
                         ("head", [Role.HEAD_OF_SERVICE]), ("procurement", [Role.COMMISSIONER])]:
        users[email] = UserFactory(email=f"{email}@demo.example", roles=roles)
    OrganisationFactory(name="Riverside Support Ltd", kind="provider")
    seed_commissioning_demo()
    seed_priorities_demo()
    seed_monitoring_demo()
    seed_networks_demo()
    seed_networks_demo()  # idempotent
    network, peer = Network.objects.get(name=NETWORK), Network.objects.get(name=PEER_NETWORK)
    version = network.ways_of_working.get()
    assert version.agreements.count() == network.members.filter(user__isnull=False).count() == 4
    meeting = network.meetings.get()
    assert meeting.places.count() == 4 and not meeting.places.filter(minutes_agreed_at__isnull=True).exists()
    assert meeting.places.filter(attended=True).count() == 4  # who came is recorded
    # The meeting is part of the day opportunities programme: Maureen's bus fare is in its ledger.
    claim = meeting.activity.claims.get()
    assert (claim.claimant, claim.amount) == (users["carer"], Decimal("4.80"))
    alliance = network.alliances.get(name=ALLIANCE)
    assert alliance.contracts.exists() and sum(share.risk_share for share in alliance.shares.all()) == 100
    assert client.get(reverse("assets:asset_detail", kwargs={"asset_id": peer.listed_asset_id})).status_code == 200
    login_as(client, users["commissioner"])
    assert "Agreed by every member" in client.get(reverse("networks:network_detail", kwargs={"network_id": network.pk})).text
    summary = client.get(reverse("networks:network_detail", kwargs={"network_id": peer.pk})).text
    assert "Walk on Thursday?" not in summary and "Al Marsh" not in summary
    # The Spectrum of Practice self-assessment links its steps to them.
    found = records_for_steps()
    assert found["networks"] == [("Networks: 2 networks working towards a shared aim, including 1 peer support network and "
                                  "1 alliance agreement", "networks:network_list")]
    assert ("Alliances: 1 alliance agreement binding 2 providers to shared outcomes", "networks:network_list") in found["providers_together"]
