"""Network records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py and the monitoring world (the contract the alliance delivers).

world["network"]: an ordinary network the COMMISSIONER and the PERSON user belong to, supported by
world["programme"], with a provider organisation, a way of working, a discussion, a library item,
a past meeting with a paper, minutes put forward and the PERSON user recorded as having come, and
an alliance delivering world["monitored_contract"].
world["peer_network"]: a peer support network the CARER user started and moderates, with a
discussion of its own; the council sees only how many members it has."""

import datetime

from commissioning.networks import services
from commissioning.networks.models import Network, NetworkMember
from commissioning.networks.selectors import current_members
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import OrganisationFactory


def build_networks_world(world: dict) -> dict:
    users = world["users"]
    commissioner, person, carer = users[Role.COMMISSIONER], users[Role.PERSON], users[Role.CARER]
    network = services.network_create(by=commissioner, data={
        "name": "Good days network", "kind": Network.Kind.NETWORK, "aim": "Everyone has a good day, near where they live.",
        "programme": world["programme"]})
    services.member_add(network=network, by=commissioner, data={"user": commissioner, "kind": NetworkMember.Kind.COMMISSIONER})
    member = services.member_add(network=network, by=commissioner, data={"user": person, "kind": NetworkMember.Kind.PERSON})
    bright = OrganisationFactory(name="Bright Days CIC", kind="provider")
    hilltop = OrganisationFactory(name="Hilltop Care Ltd", kind="provider")
    for organisation in (bright, hilltop):
        services.member_add(network=network, by=commissioner, data={"organisation": organisation, "kind": NetworkMember.Kind.PROVIDER})
    services.way_of_working_write(network=network, text="We share what we know with every member.", by=commissioner)
    thread = services.thread_start(network=network, title="Transport", text="The bus is often late.", by=person)
    services.library_add(network=network, by=commissioner, data={"title": "Focus group report", "summary": "What people said.", "link": ""})
    meeting = services.meeting_create(network=network, by=commissioner, data={
        "title": "Spring network meeting", "date": datetime.date(2026, 4, 14), "starts_at": datetime.time(10), "place": "Town Hall",
        "agenda": "1. Transport", "agenda_easy_read": ""})
    services.paper_add(meeting=meeting, by=commissioner, data={"title": "Transport options", "text": "Three options.", "easy_read_text": ""})
    services.papers_send(meeting=meeting, by=commissioner)
    services.minutes_put_forward(meeting=meeting, minutes="We agreed to try the new bus route.", by=commissioner)
    services.attendance_record(meeting=meeting, attended_ids={member.pk}, by=commissioner)
    alliance = services.alliance_create(network=network, by=commissioner, data={
        "name": "Good days alliance", "starts_on": datetime.date(2026, 4, 1), "ends_on": datetime.date(2029, 3, 31),
        "outcomes": [world["priority_outcome"]], "contracts": [world["monitored_contract"]]}, shares=[
        {"organisation": bright, "risk_share": 60, "reward_share": 60}, {"organisation": hilltop, "risk_share": 40, "reward_share": 40}])

    peer = services.network_create(by=commissioner, founder=carer, data={
        "name": "Carers together", "kind": Network.Kind.PEER_SUPPORT, "aim": "Carers support each other."})
    peer_thread = services.thread_start(network=peer, title="Nights are the hardest", by=carer,
                                        text="Some nights I sit in the car for ten minutes before going back in.")
    return {
        "network": network, "network_member": member, "network_thread": thread, "network_post": thread.posts.get(),
        "network_meeting": meeting, "alliance": alliance,
        "peer_network": peer, "peer_member": current_members(network=peer)[0], "peer_thread": peer_thread,
        "peer_post": peer_thread.posts.get(),
        # Checked on every page of the authorization matrix: only the network's members see these.
        "peer_support_words": [peer_thread.title, peer_thread.posts.get().text], "peer_support_member_roles": {Role.CARER},
    }
