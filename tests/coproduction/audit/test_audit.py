import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError, transaction
from django.urls import reverse

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, client_ip
from tests.coproduction.accounts.factories import UserFactory
from tests.coproduction.audit.factories import AuditEventFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def rows(response) -> list[list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in page.select("#event-table tbody tr")]


def test_audit_entries_cannot_be_changed_or_deleted(person):
    event = audit_record(actor=person, action=AuditEvent.Action.VIEW, obj=person, subject=person)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="delete")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "view"


def test_the_retention_job_can_purge_when_it_says_so(person):
    from django.db import connection

    event = audit_record(actor=person, action=AuditEvent.Action.VIEW)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL coproduction.audit_purge = 'on'")
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert not AuditEvent.objects.filter(pk=event.pk).exists()


def test_a_manager_sees_their_teams_activity_only(client_as, team_manager, practitioner, team, other_team):
    AuditEventFactory(actor=practitioner, subject=UserFactory(full_name="Ada Lovelace"))
    outsider = UserFactory(full_name="Outside Worker", roles=["practitioner"], teams=[other_team])
    AuditEventFactory(actor=outsider, subject=UserFactory(full_name="Grace Hopper"))
    response = client_as(team_manager).get(reverse("audit:event_list"))
    about = [row[4] for row in rows(response)]
    assert "Ada Lovelace" in about and "Grace Hopper" not in about


def test_an_administrator_searches_everything_by_person_and_the_search_is_audited(client_as, administrator):
    AuditEventFactory(subject=UserFactory(full_name="Ada Lovelace", email="ada@example.org"))
    AuditEventFactory(subject=UserFactory(full_name="Grace Hopper"))
    client = client_as(administrator)
    response = client.post(reverse("audit:event_list"), {"person": "ADA@example.org"}, follow=True)
    assert response.redirect_chain == [(reverse("audit:event_list"), 302)]  # the terms stay out of the URL
    assert [row[4] for row in rows(response)] == ["Ada Lovelace"]
    assert "Ada" not in client.get(reverse("audit:event_list") + "?page=1&clear=1").request["QUERY_STRING"]
    assert AuditEvent.objects.filter(actor=administrator, action=AuditEvent.Action.SEARCH).count() == 1


def test_audit_list_runs_fixed_queries(client_as, administrator):
    client = client_as(administrator)
    AuditEventFactory.create_batch(3)
    # OTP device, one page (actor, subject and type joined; no count). The filter's record types
    # come from the content types each process keeps, not a query.
    assert_fixed_queries(
        lambda: client.get(reverse("audit:event_list")), budget=2, grow=lambda: AuditEventFactory.create_batch(30)
    )


def test_audit_search_with_dates_the_wrong_way_round_explains(client_as, administrator):
    client = client_as(administrator)
    assert_bad_input(
        client,
        reverse("audit:event_list"),
        {"person": "ada", "date_from": "1/5/2026", "date_to": "1 April 2026"},
        errors=["The to date must be the same as or after the from date"],
        kept=["person"],
        unchanged=lambda: AuditEvent.objects.count(),
    )


def test_audit_search_with_a_date_that_is_not_a_date_explains(client_as, administrator):
    assert_bad_input(
        client_as(administrator),
        reverse("audit:event_list"),
        {"date_from": "31 February"},
        errors=["Enter the from date as a real date, like 27/3/2026"],
        unchanged=lambda: AuditEvent.objects.count(),
    )


def test_a_search_is_kept_while_paging_and_can_be_cleared(client_as, administrator):
    # Every name that can match is fixed: the factories' random names ("Adam", "Adams") used to
    # hold "Ada" now and then, and their events joined the results. Grace's events are the
    # oldest, so a second page that forgot the search would show them.
    administrator.full_name = "Morgan Reed"
    administrator.save(update_fields=["full_name"])
    clerk = UserFactory(full_name="Sam Clerk")
    grace, ada = UserFactory(full_name="Grace Hopper"), UserFactory(full_name="Ada Lovelace")
    for _ in range(10):
        AuditEventFactory(actor=clerk, subject=grace)
    for _ in range(55):
        AuditEventFactory(actor=clerk, subject=ada)
    client = client_as(administrator)
    client.post(reverse("audit:event_list"), {"person": "Ada"})
    second = client.get(reverse("audit:event_list"), {"page": 2})
    assert [row[4] for row in rows(second)] == ["Ada Lovelace"] * 5  # 55 found, 50 a page
    client.get(reverse("audit:event_list"), {"clear": 1})
    cleared_second = client.get(reverse("audit:event_list"), {"page": 2})
    assert "Grace Hopper" in {row[4] for row in rows(cleared_second)}


def test_the_next_page_is_an_htmx_fragment_with_a_plain_link(client_as, administrator):
    AuditEventFactory.create_batch(55)
    client = client_as(administrator)
    page = BeautifulSoup(client.get(reverse("audit:event_list")).content, "html.parser")
    next_link = page.select_one(".govuk-pagination__next a")
    assert next_link["href"] == "?page=2" and next_link["hx-target"] == "#event-table"
    fragment = client.get(reverse("audit:event_list") + "?page=2", HTTP_HX_REQUEST="true")
    assert fragment.text.lstrip().startswith('<div id="event-table">')


def test_client_ip_trusts_only_the_configured_proxies(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")
    assert client_ip(request) == "10.0.0.1"
    settings.AXES_IPWARE_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.7"


def test_a_search_by_type_of_record_finds_only_that_type(client_as, administrator, person):
    from django.contrib.contenttypes.models import ContentType

    from coproduction.notifications.models import Message

    message = Message.objects.create(recipient=person, subject="Hello", body="", topic="plans")
    audit_record(actor=administrator, action=AuditEvent.Action.VIEW, obj=person, subject=person)
    audit_record(actor=administrator, action=AuditEvent.Action.VIEW, obj=message, subject=person)
    client = client_as(administrator)
    page = BeautifulSoup(client.get(reverse("audit:event_list")).content, "html.parser")
    choices = {option.get_text(strip=True): option["value"] for option in page.select("select[name=record_type] option")}
    assert choices["Any"] == "" and "Message" in choices and "Audit event" in choices
    response = client.post(reverse("audit:event_list"), {"record_type": choices["Message"]}, follow=True)
    found = rows(response)
    assert found and all(row[3].startswith("message ") for row in found)
    assert str(ContentType.objects.get_for_model(Message).pk) == choices["Message"]
