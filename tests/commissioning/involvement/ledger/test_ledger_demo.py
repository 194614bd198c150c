"""The demo shows Al's, Maureen's and Rosa's claims, a self-assessment moving up the ladder and
Tom's self-check."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.demo import DAY_OPPORTUNITIES, seed_commissioning_demo
from commissioning.involvement.demo import seed_involvement_demo
from commissioning.involvement.models import Claim, ClaimExport
from commissioning.models import Programme
from coproduction.accounts.models import Role, User
from tests.coproduction.accounts.factories import TeamFactory, UserFactory
from tests.harness.auth import login_as


def text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True).split())


def test_the_demo_has_claims_a_self_assessment_and_a_self_check(client, council):
    for email, roles in [("commissioner", [Role.COMMISSIONER]), ("person", [Role.PERSON]), ("carer", [Role.CARER]),
                         ("provider", [Role.PROVIDER]), ("assessor", [Role.QUALITY_ASSESSOR, Role.PERSON])]:
        UserFactory(email=f"{email}@demo.example", roles=roles)
    UserFactory(email="practitioner@demo.example", roles=[Role.PRACTITIONER], teams=[TeamFactory(organisation=council)])
    seed_commissioning_demo()
    seed_involvement_demo()
    seed_involvement_demo()  # idempotent
    statuses = set(Claim.objects.values_list("status", flat=True))
    assert statuses == {"submitted", "approved", "queried", "paid"}
    assert {email for email in Claim.objects.values_list("claimant__email", flat=True)} == {
        "person@demo.example", "carer@demo.example", "assessor@demo.example"}
    assert ClaimExport.objects.count() == 1

    al = User.objects.get(email="person@demo.example")
    login_as(client, al)
    own = text(client.get(reverse("involvement:my_claims") + "?year=2026"))
    assert "Agreeing our priorities" in own and "Sent for payment" in own and "Citizens Advice" in own
    assert "Taxi home" not in own  # Maureen's claim, not Al's

    priya = User.objects.get(email="commissioner@demo.example")
    login_as(client, priya)
    programme = Programme.objects.get(title=DAY_OPPORTUNITIES)
    claims = text(client.get(reverse("involvement:programme_claims", kwargs={"programme_id": programme.pk})))
    assert "Was the taxi for both of you?" in claims
    spend = text(client.get(reverse("involvement:programme_spend", kwargs={"programme_id": programme.pk}) + "?year=2026"))
    assert "Agreeing our priorities" in spend
    assessment = text(client.get(reverse("involvement:selfassessment")))
    assert "Autumn 2026 review" in assessment and "Co-designing" in assessment and "Up 2 rungs, from Consulting" in assessment

    login_as(client, User.objects.get(email="practitioner@demo.example"))
    assert "Worth a change" in text(client.get(reverse("involvement:self_checks")))
