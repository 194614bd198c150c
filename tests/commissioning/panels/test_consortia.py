"""A consortium of providers bids as one bidder with its members listed; panel members declare
their interests in every consortium member, and an interest in any one of them keeps them from
scoring the whole consortium."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.panels import services
from commissioning.panels.models import ConsortiumMember, Panel, PanelMember
from coproduction.core.rules_cache import forget_for_request
from tests.commissioning.factories import GroupMemberFactory
from tests.commissioning.panels.factories import PanelMemberFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input

PARTNERS = [("Northside Care Ltd", True, "Runs the day centre."), ("Mill Lane Community Transport", False, "The minibuses."),
            ("Greenway Community Hub", False, "The hall and the garden.")]


def _url(panel, name="panel_detail", **extra):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk, **extra})


def _consortium(client, panel, bidder):
    for name, lead, brings in PARTNERS:
        data = {"name": name, "brings": brings, **({"is_lead": "on"} if lead else {})}
        client.post(_url(panel, "consortium_member_add", bidder_id=bidder.pk), data)
    return list(bidder.consortium_members.order_by("-is_lead", "name"))


def test_the_chair_lists_a_consortiums_members_and_everyone_declares_again(client_as, commissioner, panel, declared, bidders):
    bright, northside = bidders
    members = _consortium(client_as(commissioner), panel, northside)
    assert [(m.name, m.is_lead) for m in members] == [("Northside Care Ltd", True), ("Greenway Community Hub", False),
                                                       ("Mill Lane Community Transport", False)]
    declared.refresh_from_db()
    assert not declared.has_declared  # nobody has said yet whether they have an interest in the new partners
    page = BeautifulSoup(client_as(commissioner).get(_url(panel)).content, "html.parser").find(id="bidders").get_text(" ", strip=True)
    assert "a consortium bidding as one" in page and "Northside Care Ltd (lead provider): Runs the day centre." in page
    chair = panel.members.get(role=PanelMember.Role.CHAIR)
    services.conflicts_declare(member=chair, bidders=[], details="", by=commissioner)
    bids = BeautifulSoup(client_as(commissioner).get(_url(panel, "bids")).content, "html.parser").get_text(" ", strip=True)
    assert ("A consortium bidding as one: Northside Care Ltd (lead provider), Greenway Community Hub, Mill Lane Community Transport"
            in bids)


def test_an_interest_in_any_one_consortium_member_blocks_scoring_the_whole_consortium(client_as, commissioner, panel, bidders):
    bright, northside = bidders
    members = _consortium(client_as(commissioner), panel, northside)
    for consortium_member in members:
        user = GroupMemberFactory(programme=panel.programme).user
        PanelMemberFactory(panel=panel, user=user, role=PanelMember.Role.LIVED_EXPERIENCE)
        client_as(user).post(_url(panel, "declaration"), {
            "has_conflict": "yes", "consortium_members": [consortium_member.pk], "details": "My neighbour runs it."})
        forget_for_request(user)
        assert not user.has_perm("panels.score_bidder", northside), consortium_member.name
        assert user.has_perm("panels.score_bidder", bright)
        conflict = user.panel_memberships.get().conflicts.get()
        assert conflict.bidder == northside and list(conflict.consortium_members.all()) == [consortium_member]
    # Someone with no interest in any of them scores the consortium as one bidder.
    clear = GroupMemberFactory(programme=panel.programme, user=UserFactory(roles=["carer"])).user
    PanelMemberFactory(panel=panel, user=clear, role=PanelMember.Role.CARER)
    client_as(clear).post(_url(panel, "declaration"), {"has_conflict": "no"})
    forget_for_request(clear)
    assert clear.has_perm("panels.score_bidder", northside)


def test_adding_a_consortium_member_needs_what_they_bring_and_only_one_lead(client_as, commissioner, panel, bidders):
    northside = bidders[1]
    client = client_as(commissioner)
    _consortium(client, panel, northside)
    url = _url(panel, "consortium_member_add", bidder_id=northside.pk)
    count = lambda: ConsortiumMember.objects.count()  # noqa: E731
    assert_bad_input(client, url, {"name": "Hilltop Care", "brings": ""}, errors=["Enter what they bring to the consortium"],
                     kept=["name"], unchanged=count)
    assert_bad_input(client, url, {"name": "Hilltop Care", "brings": "Night staff.", "is_lead": "on"},
                     errors=["The consortium already has a lead provider"], kept=["name"], unchanged=count)


def test_a_consortium_cannot_change_once_scoring_has_started(client_as, commissioner, panel, bidders):
    Panel.objects.filter(pk=panel.pk).update(status=Panel.Status.SCORING)
    response = client_as(commissioner).post(_url(panel, "consortium_member_add", bidder_id=bidders[1].pk),
                                            {"name": "Late partner", "brings": "Nothing yet."})
    assert response.status_code == 302 and not ConsortiumMember.objects.exists()
