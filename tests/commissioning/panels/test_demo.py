from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.panels.demo import PANEL_TITLE, seed_panels_demo
from commissioning.panels.models import BriefingPack, Panel
from commissioning.specifications.demo import seed_specifications_demo
from coproduction.accounts.models import Organisation, Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_a_panel_with_al_and_maureen_briefed_and_the_agreed_questions(client):
    provider = Organisation.objects.create(name="Riverside Support Ltd", kind="provider")
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER), ("provider", Role.PROVIDER)]:
        UserFactory(email=f"{email}@demo.example", roles=[role], organisation=provider if role == Role.PROVIDER else None)
    seed_commissioning_demo()
    seed_specifications_demo()
    seed_panels_demo()
    seed_panels_demo()  # idempotent
    panel = Panel.objects.get(title=PANEL_TITLE)
    assert panel.programme.title == "Day opportunities for adults with learning disabilities 2027"
    roles = {member.user.email: member.role for member in panel.members.select_related("user")}
    assert roles == {"commissioner@demo.example": "chair", "person@demo.example": "lived_experience", "carer@demo.example": "carer",
        "procurement@demo.example": "procurement_officer",
    }
    assert panel.bidders.count() == 3 and panel.bidders.get(name="Riverside Support Ltd").organisation == provider
    assert BriefingPack.objects.filter(member__panel=panel).count() == 3
    assert list(BriefingPack.objects.filter(member__panel=panel, first_opened_at__isnull=True).values_list("member__user__email", flat=True)) == ["carer@demo.example"]
    # Every published criterion the panel scores has an agreed question; price takes none.
    agreed = set(panel.questions.filter(agreed=True).values_list("criterion__title", flat=True))
    assert agreed == {"Working with people who use the service", "Quality and safety", "Social value"}
    assert panel.version.criteria.get(scored_on_price=True).title == "Price"

    login_as(client, panel.members.get(role="chair").user)
    page = " ".join(BeautifulSoup(client.get(reverse("panels:panel_detail", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})).content, "html.parser").get_text(" ").split())
    assert "Sent but not yet opened" in page and "I volunteered at their Tuesday club" in page
    recognition = client.get(reverse("panels:recognition", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk}))
    assert "Whole panel £65.00 £38.40 £103.40" in " ".join(BeautifulSoup(recognition.content, "html.parser").get_text(" ").split())
