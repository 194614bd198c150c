"""The demo shows involvement profiles, who took part and peer researchers."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.demo import DAY_OPPORTUNITIES, seed_commissioning_demo
from commissioning.involvement.demo import LUNCH_CLUB, seed_involvement_demo
from commissioning.involvement.models import (
    InvolvementProfile,
    LocalPopulationFigure,
    Participation,
)
from commissioning.models import Programme
from coproduction.accounts.models import Role, User
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_the_demo_has_profiles_reach_figures_and_peer_researchers(client):
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]),
                         ("provider", [Role.PROVIDER]), ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON])]:
        UserFactory(email=f"{email}@demo.example", roles=roles)
    seed_commissioning_demo()
    seed_involvement_demo()
    seed_involvement_demo()  # idempotent
    assert InvolvementProfile.objects.filter(user__email__in=["person@demo.example", "carer@demo.example",
                                                               "assessor@demo.example", "provider@demo.example"]).count() == 4
    assert LocalPopulationFigure.objects.filter(question="ethnicity").count() == 5
    al = User.objects.get(email="person@demo.example")
    # Al's part in the earlier activities carries his answers, as if he had them at the time.
    assert set(Participation.objects.filter(user=al).values_list("age_band", flat=True)) == {"65_74"}
    programme = Programme.objects.get(title=DAY_OPPORTUNITIES)

    login_as(client, User.objects.get(email="commissioner@demo.example"))
    reach = client.get(reverse("involvement:programme_reach", kwargs={"programme_id": programme.pk}))
    page = BeautifulSoup(reach.content, "html.parser")
    assert int(page.find(attrs={"data-figure": "people"}).get_text(strip=True)) >= 20
    assert page.find(id="reach-ethnicity") is not None
    shown = text(client.get(reverse("involvement:peer_researchers", kwargs={"programme_id": programme.pk})))
    assert "Rosa" in shown and LUNCH_CLUB in shown

    login_as(client, al)
    mine = text(client.get(reverse("involvement:profile")))
    assert "Documents in Large print" in mine and "Step-free access" in mine
