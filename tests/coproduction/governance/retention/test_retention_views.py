"""The administrator's retention pages: the schedule, tonight's dry run, past runs, and
erasure on request (with the reason, and refused where the law requires keeping)."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.sessions.backends.cache import SessionStore
from django.urls import reverse
from django.utils import timezone

from coproduction.people.models import Person
from coproduction.audit.models import AuditEvent
from coproduction.governance.models import ErasureRequest, RetentionRun
from coproduction.governance.retention.services import retention_apply
from coproduction.notifications.models import Message
from tests.coproduction.accounts.factories import UserFactory
from tests.coproduction.governance.retention.retention_data import (
    build_schedule_world,
    care_record,
    involvement_profile,
)
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def _text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_schedule_page_shows_every_period(client_as, administrator):
    page = _text(client_as(administrator).get(reverse("governance:retention_schedule")))
    assert "Closed care records" in page and "8 years after the last contact" in page
    assert "Audit trail entries" in page and "7 years after the entry was written" in page


def test_due_page_shows_counts_and_ids_but_no_names(client_as, administrator, team):
    world = build_schedule_world(team)
    client = client_as(administrator)
    response = client.get(reverse("governance:retention_due"))
    soup = BeautifulSoup(response.content, "html.parser")
    counts = {row.th.get_text(strip=True): row.select("td")[-1].get_text(strip=True) for row in soup.select("tbody tr")}
    assert counts["Closed care records"] == "1" and counts["Audit trail entries"] == "1"
    listed = soup.select_one("#due-records").get_text(" ", strip=True)
    assert f"Care record {world['due']['care_records'].pk}: closed" in listed
    # Only the page's own content: the header names the signed-in administrator, whose made-up
    # name may itself hold "Rose".
    main = str(soup.select_one("main"))
    assert "Edna" not in main and "Rose" not in main
    # Another type's list, by its link.
    messages_page = _text(client.get(reverse("governance:retention_due"), {"type": "messages"}))
    assert f"Message {world['due']['messages'].pk} sent" in messages_page
    assert Person.objects.filter(full_name="Edna Closed").exists()  # looking changed nothing


def test_due_page_unknown_type_is_not_found(client_as, administrator):
    assert client_as(administrator).get(reverse("governance:retention_due"), {"type": "people"}).status_code == 404


def test_due_page_runs_a_fixed_number_of_queries(client_as, administrator, team):
    build_schedule_world(team)
    client = client_as(administrator)
    url = reverse("governance:retention_due")

    def grow():
        for n in range(10):
            care_record(team=team, name=f"Grow Person{n}")

    assert_fixed_queries(lambda: client.get(url), budget=DUE_QUERIES, grow=grow)


# User, two-factor device, one count per record type, the page of the chosen type.
DUE_QUERIES = 11


def test_runs_page_lists_past_runs_with_counts(client_as, administrator, team):
    build_schedule_world(team)
    retention_apply()
    page = _text(client_as(administrator).get(reverse("governance:retention_runs")))
    assert "The nightly run" in page and "Closed care records: 1" in page and "Messages in the service: 1" in page


@pytest.mark.parametrize("name", ["retention_schedule", "retention_due", "retention_runs", "erasure_list", "erasure_add",
                                  "inactive_accounts"])
def test_only_administrators_reach_retention_pages(client_as, users, name):
    from coproduction.accounts.models import Role

    for role, user in users.items():
        status = client_as(user).get(reverse(f"governance:{name}")).status_code
        assert status == (200 if role == Role.ADMINISTRATOR else 403), (role, status)


# --- Erasure on request -------------------------------------------------------------------


def _erasure_data(person, **changes) -> dict:
    received = timezone.localdate() - timedelta(days=2)
    return {
        "person_id": person.pk, "received_on_0": received.day, "received_on_1": received.month,
        "received_on_2": received.year, "reason": "Letter of 3 March: asks us to erase everything.", "ground": "none",
        **changes,
    }


def test_erasure_of_a_closed_record_asks_for_confirmation_then_erases(client_as, administrator, team):
    account = UserFactory(roles=["person"])
    person = care_record(team=team, last_contact_years=2, account=account)
    profile = involvement_profile(months_idle=1)
    type(profile).objects.filter(pk=profile.pk).update(user=account)
    Message.objects.create(recipient=account, topic=Message._meta.get_field("topic").choices[0][0], subject="Hi", body="x", key="k1")
    client = client_as(administrator)

    response = client.post(reverse("governance:erasure_add"), _erasure_data(person))
    erasure = ErasureRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("governance:erasure_detail", kwargs={"erasure_id": erasure.pk})
    assert erasure.status == ErasureRequest.Status.AWAITING and erasure.reason.startswith("Letter of 3 March")
    # Nothing erased until confirmed.
    confirm = client.get(response["Location"])
    assert "Erase care record" in _text(confirm) and "Edna Closed" in _text(confirm)
    assert Person.objects.get(pk=person.pk).full_name == "Edna Closed"

    done = client.post(response["Location"], follow=True)
    assert "Erased." in _text(done)
    person.refresh_from_db()
    erasure.refresh_from_db()
    assert person.full_name == "Anonymised record" and person.user_id is None
    assert erasure.status == ErasureRequest.Status.ERASED and erasure.done_by == administrator
    assert erasure.counts == {"care_records": 1, "involvement_profiles": 1, "messages": 1}
    assert not Message.objects.filter(recipient=account).exists()
    assert RetentionRun.objects.get().trigger == RetentionRun.Trigger.ERASURE
    assert AuditEvent.objects.filter(actor=administrator, detail="erasure carried out", subject=account).exists()
    assert "Closed care records: 1" in _text(done)
    # A second confirmation does nothing more.
    again = client.post(response["Location"], follow=True)
    assert "already been dealt with" in _text(again)
    assert RetentionRun.objects.count() == 1


def test_erasure_of_an_open_record_is_refused_as_the_law_requires_keeping_it(client_as, administrator, team):
    person = care_record(team=team, closed=False, last_contact_years=1, name="Olive Open")
    client = client_as(administrator)
    assert_bad_input(
        client, reverse("governance:erasure_add"), _erasure_data(person),
        errors=["This person's care record is open, so the council must keep it while it provides care and support: choose the legal obligation"],
        kept=["reason", "person_id"], unchanged=lambda: (ErasureRequest.objects.count(), Person.objects.get(pk=person.pk).full_name),
    )
    # Recorded as refused, on the legal obligation, with the reason kept.
    response = client.post(reverse("governance:erasure_add"), _erasure_data(person, ground="legal_obligation"), follow=True)
    erasure = ErasureRequest.objects.get()
    assert erasure.status == ErasureRequest.Status.REFUSED and erasure.ground == "legal_obligation"
    assert "Refused: the council must keep the record" in _text(response)
    assert "Erase now" not in _text(response)
    assert Person.objects.get(pk=person.pk).full_name == "Olive Open"
    # Confirming a refused request does nothing.
    client.post(reverse("governance:erasure_detail", kwargs={"erasure_id": erasure.pk}))
    assert Person.objects.get(pk=person.pk).full_name == "Olive Open"


def test_erasure_form_bad_input(client_as, administrator, team):
    person = care_record(team=team, last_contact_years=2)
    client = client_as(administrator)
    url = reverse("governance:erasure_add")

    def unchanged():
        return ErasureRequest.objects.count(), Person.objects.get(pk=person.pk).full_name

    assert_bad_input(client, url, _erasure_data(person, reason=""), errors=["Enter what they asked for and why"],
                     kept=["person_id"], unchanged=unchanged)
    assert_bad_input(client, url, _erasure_data(person, person_id=999999), errors=["There is no care record with that number"],
                     kept=["reason"], unchanged=unchanged)
    assert_bad_input(client, url, _erasure_data(person, person_id="abc", ground=""),
                     errors=["Enter the record number as a whole number, like 1234", "Select whether a lawful reason to keep the record applies"],
                     kept=["reason"], unchanged=unchanged)
    future = timezone.localdate() + timedelta(days=5)
    assert_bad_input(client, url, _erasure_data(person, received_on_0=future.day, received_on_1=future.month, received_on_2=future.year),
                     errors=["The date the request was received must be today or in the past"], kept=["reason"], unchanged=unchanged)
    assert_bad_input(client, url, _erasure_data(person, reason="x" * 2001), errors=["The reason must be 2,000 characters or fewer"],
                     kept=["person_id"], unchanged=unchanged)


def test_erasure_of_an_account_with_no_care_record_closes_it_and_keeps_nothing_personal(client_as, administrator):
    """A resident who took part in commissioning asks to be erased: no care record, an account."""
    from commissioning.involvement.models import InvolvementProfile
    from coproduction.notifications.models import Preference

    profile = involvement_profile(months_idle=1)
    account = profile.user
    account.full_name, account.email = "Rita Resident", "rita@example.org"
    account.save()
    signed_in = client_as(account)
    Preference.objects.create(user=account, channel="text", mobile_number="07700900123")
    Message.objects.create(recipient=account, topic=Message._meta.get_field("topic").choices[0][0], subject="Hi", body="x", key="k1")
    admin = client_as(administrator)

    data = _erasure_data(Person(pk=1), person_id="", email="RITA@example.org")
    response = admin.post(reverse("governance:erasure_add"), data)
    erasure = ErasureRequest.objects.get()
    assert (erasure.person_id, erasure.user_id, erasure.status) == (None, account.pk, ErasureRequest.Status.AWAITING)
    confirm = admin.get(response["Location"])
    assert f"Erase account {account.pk}?" in _text(confirm) and "Claims for payment are kept" in _text(confirm)

    done = admin.post(response["Location"], follow=True)
    assert "Erased." in _text(done) and "Accounts closed, with their name and email removed: 1" in _text(done)
    account.refresh_from_db()
    assert (account.full_name, account.is_active, account.has_usable_password()) == ("Erased account", False, False)
    assert "rita" not in account.email
    assert not InvolvementProfile.objects.filter(user=account).exists()
    assert not Message.objects.filter(recipient=account).exists()
    assert not Preference.objects.filter(user=account).exists()
    # Signed out at once.
    assert SessionStore().exists(signed_in.session.session_key) is False
    assert signed_in.get(reverse("accounts:home"))["Location"].startswith(reverse("accounts:login"))


def test_erasure_needs_a_record_number_or_an_account(client_as, administrator, team):
    person = care_record(team=team, last_contact_years=2)
    client = client_as(administrator)

    def unchanged():
        return ErasureRequest.objects.count()

    assert_bad_input(client, reverse("governance:erasure_add"), _erasure_data(person, person_id=""),
                     errors=["Enter the care record number, or the email address of their account"], kept=["reason"],
                     unchanged=unchanged)
    assert_bad_input(client, reverse("governance:erasure_add"), _erasure_data(person, person_id="", email="nobody@example.org"),
                     errors=["There is no account with that email address"], kept=["reason", "email"], unchanged=unchanged)


def test_erasure_detail_is_for_administrators_only(client_as, users, administrator, team):
    from coproduction.accounts.models import Role

    person = care_record(team=team, last_contact_years=2)
    erasure = ErasureRequest.objects.create(person=person, received_on=timezone.localdate(), reason="r", ground="none",
                                            recorded_by=administrator)
    url = reverse("governance:erasure_detail", kwargs={"erasure_id": erasure.pk})
    for role, user in users.items():
        if role != Role.ADMINISTRATOR:
            assert client_as(user).post(url).status_code == 403
    assert Person.objects.get(pk=person.pk).full_name == "Edna Closed"


def test_demo_shows_a_record_due_and_an_inactive_account(team):
    from careplans.demo import seed_closed_record_demo
    from careplans.retention import due_care_records
    from coproduction.governance.access_review.inactive_accounts import inactive_accounts
    from coproduction.governance.demo import seed_retention_demo
    from tests.careplans.factories import PersonFactory

    al = UserFactory(email="person@demo.example", roles=["person"])
    PersonFactory(user=al, team=team)
    UserFactory(email="practitioner@demo.example", roles=["practitioner"], teams=[team])
    for _ in range(2):  # safe to run again
        seed_retention_demo()
        seed_closed_record_demo()
    assert list(due_care_records().values_list("full_name", flat=True)) == ["Edith Morley"]
    assert "derek.oldfield@demo.example" in set(inactive_accounts().values_list("email", flat=True))
    assert AuditEvent.objects.filter(subject=al, action="view").count() == 4
