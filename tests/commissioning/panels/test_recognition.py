"""Members' recognition and expenses for the panel, through the council's ledger, and their access needs."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.involvement.models import Claim
from commissioning.panels import services
from coproduction.audit.models import AuditEvent
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.commissioning.panels.factories import PanelMemberFactory
from tests.harness.bad_input import assert_bad_input


def _url(panel, name):
    return reverse(f"panels:{name}", kwargs={"programme_id": panel.programme_id, "panel_id": panel.pk})


def _text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def test_the_chair_records_recognition_and_expenses_with_totals_per_member_and_panel(client_as, commissioner, carer, panel, lived):
    maureen = PanelMemberFactory(panel=panel, user=carer, role="carer")
    client = client_as(commissioner)
    response = client.post(_url(panel, "recognition_add"), {"member": lived.pk, "category": "payment", "amount": "40.00", "description": "Briefing, 2 hours"})
    assert response.status_code == 302
    services.recognition_record(panel=panel, member=lived, category="travel", amount="8.40", by=commissioner)
    services.recognition_record(panel=panel, member=maureen, category="childcare", amount="15", by=commissioner)
    claim = Claim.objects.get(category="payment")
    assert claim.activity == panel.activity and claim.claimant == lived.user and claim.kind == "recognition"
    page = _text(client.get(_url(panel, "recognition")))
    assert f"{lived.user.display_name} (Person who uses or may use the service) £40.00 £8.40 £48.40" in page
    assert f"{carer.display_name} (Carer) £0.00 £15.00 £15.00" in page
    assert "Whole panel £40.00 £23.40 £63.40" in page
    assert AuditEvent.objects.filter(actor=commissioner, action="view", detail="panel recognition and access needs").exists()


def test_the_same_kind_of_claim_twice_or_a_negative_amount_is_refused(client_as, commissioner, panel, lived):
    client = client_as(commissioner)
    services.recognition_record(panel=panel, member=lived, category="payment", amount="40", by=commissioner)
    assert_bad_input(client, _url(panel, "recognition_add"), {"member": lived.pk, "category": "payment", "amount": "10", "description": "again"},
                     errors=["There is already a claim for payment at the council's rate for this activity. Change that claim instead of making a new one"],
                     kept=["description"], unchanged=lambda: list(Claim.objects.values_list("pk", "amount")))
    assert_bad_input(client, _url(panel, "recognition_add"), {"member": lived.pk, "category": "travel", "amount": "-3"},
                     errors=["The amount must be £0 or more"], unchanged=lambda: Claim.objects.count())


def test_the_chair_sees_members_access_needs_and_members_do_not(client_as, commissioner, panel, lived):
    InvolvementProfileFactory(user=lived.user, access_needs=["step_free"])
    page = _text(client_as(commissioner).get(_url(panel, "recognition")))
    assert "Access needs of the panel's members" in page and "Step-free access" in page
    assert client_as(lived.user).get(_url(panel, "recognition")).status_code == 403
