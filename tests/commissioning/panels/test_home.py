"""“Your panels” on the home page of anyone on a panel, whatever their role."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.panels.models import Panel, PanelMember
from tests.commissioning.panels.factories import PanelFactory, PanelMemberFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.queries import assert_fixed_queries

HOME = reverse("accounts:role_home", kwargs={"role": "commissioner"})


def _panel_section(response):
    page = BeautifulSoup(response.content, "html.parser")
    heading = page.find("h2", string="Your panels")
    return heading.find_next("ul").get_text(" ", strip=True) if heading else ""


def test_a_procurement_officer_sees_his_panel_and_what_he_is_asked_to_do(client_as):
    olu = UserFactory(roles=["commissioner"], full_name="Olu Adeyemi")
    panel = PanelFactory(title="Day opportunities tender panel", status=Panel.Status.SCORING)
    PanelMemberFactory(panel=panel, user=olu, role=PanelMember.Role.PROCUREMENT_OFFICER)
    listed = _panel_section(client_as(olu).get(HOME))
    assert "Day opportunities tender panel" in listed and "Your place: procurement officer." in listed
    assert "Score the bids." in listed


def test_someone_on_no_panel_sees_no_panels_section(client_as):
    text = client_as(UserFactory(roles=["commissioner"])).get(HOME).text
    assert "Your panels" not in text


def test_the_home_page_costs_the_same_with_many_panels(client_as):
    olu = UserFactory(roles=["commissioner"])
    PanelMemberFactory(user=olu, role=PanelMember.Role.PROCUREMENT_OFFICER)
    client = client_as(olu)

    def grow():
        for _ in range(10):
            PanelMemberFactory(user=olu, role=PanelMember.Role.PROCUREMENT_OFFICER)

    client.get(HOME)
    from tests.harness.queries import count_queries

    budget = count_queries(lambda: client.get(HOME))[0]
    response = assert_fixed_queries(lambda: client.get(HOME), budget=budget, grow=grow)
    assert "You are on more panels" in response.text
