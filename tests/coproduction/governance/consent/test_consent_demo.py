"""The demo shows Al's consents, one of them withdrawn, to Al, to Maureen and to Tom."""

from django.urls import reverse

from coproduction.accounts.models import User
from coproduction.governance.demo import seed_consent_demo
from coproduction.governance.models import Consent
from tests.harness.auth import login_as
from tests.harness.demo import seed_demo


def test_the_demo_has_consents_given_and_withdrawn(client):
    seed_demo()
    seed_consent_demo()
    seed_consent_demo()  # idempotent
    al = User.objects.get(email="person@demo.example")
    events = Consent.objects.filter(person__user=al)
    assert events.filter(event="given").count() >= 3 and events.filter(event="withdrawn").count() == 1
    assert events.filter(subject_key__startswith="representative:", event="withdrawn").count() == 1
    login_as(client, al)
    page = client.get(reverse("governance:my_consents")).content.decode()
    assert "Pat Marsh" in page and "Withdrawn" in page and "rep-1" in page
    client.logout()
    login_as(client, User.objects.get(email="carer@demo.example"))
    assert "Maureen Marsh" in client.get(reverse("governance:my_consents")).content.decode()
