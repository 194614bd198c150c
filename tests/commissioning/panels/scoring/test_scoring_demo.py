from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.panels.demo import PANEL_TITLE, seed_panels_demo
from commissioning.panels.models import ModeratedScore, Panel, Score, ShortlistCheck
from commissioning.panels.scoring.demo import seed_panel_scoring_demo
from commissioning.specifications.demo import seed_specifications_demo
from coproduction.accounts.models import Organisation, Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_panel_is_mid_moderation_with_everyones_scores_and_differences_flagged(client):
    provider = Organisation.objects.create(name="Riverside Support Ltd", kind="provider")
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER), ("provider", Role.PROVIDER)]:
        UserFactory(email=f"{email}@demo.example", roles=[role], organisation=provider if role == Role.PROVIDER else None)
    seed_commissioning_demo()
    seed_specifications_demo()
    seed_panels_demo()
    panel = Panel.objects.get(title=PANEL_TITLE)
    seed_panel_scoring_demo(panel)
    seed_panel_scoring_demo(panel)  # idempotent
    panel.refresh_from_db()
    assert panel.status == Panel.Status.MODERATING and panel.bidders.count() == 3
    assert panel.deputy.user.email == "procurement@demo.example"
    scorers = set(Score.objects.filter(response__bidder__panel=panel).values_list("member__user__email", flat=True))
    assert scorers == {"commissioner@demo.example", "person@demo.example", "carer@demo.example", "procurement@demo.example"}
    assert ModeratedScore.objects.filter(response__bidder__panel=panel).count() == 2

    login_as(client, panel.members.get(role="chair").user)
    url = reverse("panels:moderation", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.select(".app-panel-moderation__flagged") and "discuss" in page.get_text()
    # Four agreed questions (one on working with people, two on quality, one on social value), and
    # the two shortlisted bidders of three.
    assert "2 of 8 answers moderated" in " ".join(page.get_text(" ").split())
    shortlisting = " ".join(BeautifulSoup(client.get(
        reverse("panels:shortlisting", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})
    ).content, "html.parser").get_text(" ").split())
    assert "Riverside Support Ltd Not shortlisted" in shortlisting and "covers personal care at home only" in shortlisting
    assert set(ShortlistCheck.objects.filter(bidder__panel=panel).values_list("checked_by__email", flat=True)) == {"person@demo.example"}
    totals = " ".join(BeautifulSoup(client.get(
        reverse("panels:totals", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})
    ).content, "html.parser").get_text(" ").split())
    # All four published criteria, with their published weights, and price by formula, never a second share.
    for heading in ("Working with people who use the service (out of 40)", "Quality and safety (out of 30)",
                    "Social value (out of 10)", "Price (out of 20)"):
        assert heading in totals
    assert "Quality counts" not in totals
    # Northside's price against the lowest (Bright Days'), times the weight of 20.
    assert "£240,000.00 ÷ £265,000.00 × 20 = 18.11" in totals
    assert "£240,000.00 ÷ £240,000.00 × 20 = 20.00" in totals


def test_olus_home_page_shows_the_demo_panel_he_sits_on(client):
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER), ("provider", Role.PROVIDER)]:
        UserFactory(email=f"{email}@demo.example", roles=[role])
    seed_commissioning_demo()
    seed_specifications_demo()
    seed_panels_demo()
    olu = Panel.objects.get(title=PANEL_TITLE).deputy.user
    login_as(client, olu)
    page = BeautifulSoup(client.get(reverse("accounts:role_home", kwargs={"role": "commissioner"})).content, "html.parser")
    listed = page.find("h2", string="Your panels").find_next("ul").get_text(" ", strip=True)
    assert PANEL_TITLE in listed and "Agree the scores with the panel at moderation" in listed
    # The panel is an activity of the stage it belongs to, whatever stage the programme was at.
    assert Panel.objects.get(title=PANEL_TITLE).activity.stage.name == "Choose who provides it"
