"""Access review: managers of a person's team (and administrators) see who opened the record
and when; administrators see accounts unused for 90 days and disable them, ending their sessions."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.sessions.backends.cache import SessionStore
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from coproduction.accounts.models import User
from coproduction.audit.models import AuditEvent
from coproduction.core.templatetags.plain_words import clock
from tests.careplans.factories import CarePlanFactory, PersonFactory, ReviewFactory
from tests.coproduction.accounts.factories import TeamMembershipFactory, UserFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def _rows(response) -> list[list[str]]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in soup.select("#access-entries tbody tr")]


def _url(person) -> str:
    return reverse("governance:access_review", kwargs={"person_id": person.pk})


def test_manager_sees_who_read_the_record_plan_and_review(client_as, team, practitioner, team_manager):
    person = PersonFactory(team=team, full_name="Edna Jones")
    CarePlanFactory(person=person, version=1, status="agreed", created_by=practitioner)
    # Real reads through the pages: the record and the plan.
    tom = client_as(practitioner)
    assert tom.get(reverse("careplans:person_detail", kwargs={"person_id": person.pk})).status_code == 200
    assert tom.get(reverse("careplans:plan_detail", kwargs={"person_id": person.pk})).status_code == 200
    review = ReviewFactory(plan=person.plans.get(), held_on=timezone.localdate(), created_by=practitioner)
    AuditEvent.objects.create(actor=practitioner, action=AuditEvent.Action.CHANGE, target_type_id=_ct(review), target_id=str(review.pk))
    other = PersonFactory(team=team)
    AuditEvent.objects.create(actor=practitioner, action=AuditEvent.Action.VIEW, target_type_id=_ct(other), target_id=str(other.pk))

    rows = _rows(client_as(team_manager).get(_url(person)))
    who_what = [(row[1], row[2].split(" ")[0], row[3].split(" ")[0]) for row in rows]
    assert (practitioner.full_name, "Viewed", "person") in who_what
    assert (practitioner.full_name, "Viewed", "care") in who_what  # "care plan N"
    assert (practitioner.full_name, "Changed", "review") in who_what
    # Someone else's record is not in this person's list.
    assert not any(row[3] == f"person {other.pk}" for row in rows)


def _ct(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def test_only_managers_of_the_persons_team_and_administrators(client_as, users, team, other_team, practitioner, team_manager, administrator):
    mine, theirs = PersonFactory(team=team), PersonFactory(team=other_team)
    assert client_as(team_manager).get(_url(mine)).status_code == 200
    assert client_as(team_manager).get(_url(theirs)).status_code == 404
    assert client_as(administrator).get(_url(theirs)).status_code == 200
    assert client_as(practitioner).get(_url(mine)).status_code == 404  # a practitioner is not a manager
    # A manager who is only a member (not manager) of the team is not allowed either.
    member_manager = UserFactory(roles=["team_manager"])
    TeamMembershipFactory(user=member_manager, team=team, is_manager=False)
    assert client_as(member_manager).get(_url(mine)).status_code == 404
    for role in ("person", "carer", "commissioner", "provider"):
        assert client_as(users[role]).get(_url(mine)).status_code == 404
    assert client_as(team_manager).get(reverse("governance:access_review", kwargs={"person_id": 999999})).status_code == 404


def test_the_persons_record_links_to_the_access_review_for_their_manager_only(client_as, team, practitioner, team_manager):
    person = PersonFactory(team=team)
    record = reverse("careplans:person_detail", kwargs={"person_id": person.pk})
    assert _url(person) in client_as(team_manager).get(record).content.decode()
    assert _url(person) not in client_as(practitioner).get(record).content.decode()


def test_opening_the_access_review_is_itself_audited(client_as, team, team_manager):
    person = PersonFactory(team=team)
    client_as(team_manager).get(_url(person))
    assert AuditEvent.objects.filter(actor=team_manager, target_id=str(person.pk), detail="access review").exists()


def test_filtered_by_date(client_as, team, practitioner, team_manager):
    person = PersonFactory(team=team)
    old = AuditEvent.objects.create(at=timezone.now() - timedelta(days=400), actor=practitioner,
                                    action=AuditEvent.Action.VIEW, target_type_id=_ct(person), target_id=str(person.pk))
    recent = AuditEvent.objects.create(at=timezone.now() - timedelta(days=2), actor=practitioner,
                                       action=AuditEvent.Action.CHANGE, target_type_id=_ct(person), target_id=str(person.pk))
    since = (timezone.localdate() - timedelta(days=30)).strftime("%d/%m/%Y")
    rows = _rows(client_as(team_manager).get(_url(person), {"date_from": since}))
    shown = {row[0] for row in rows}
    assert f"{timezone.localtime(recent.at):%-d %b %Y}, {clock(timezone.localtime(recent.at))}" in shown
    assert f"{timezone.localtime(old.at):%-d %b %Y}, {clock(timezone.localtime(old.at))}" not in shown
    until = (timezone.localdate() - timedelta(days=300)).strftime("%d/%m/%Y")
    rows = _rows(client_as(team_manager).get(_url(person), {"date_to": until}))
    assert [row[2] for row in rows] == ["Viewed"]


def test_bad_dates_show_the_error_summary(client_as, team, team_manager):
    person = PersonFactory(team=team)
    client = client_as(team_manager)
    assert_bad_input(client, _url(person), {"date_from": "31/02/2026", "date_to": "1/3/2026"}, method="get",
                     errors=["Enter the from date as a real date, like 27/3/2026"], kept=["date_to"],
                     unchanged=lambda: person.full_name)
    assert_bad_input(client, _url(person), {"date_from": "5/3/2026", "date_to": "1/3/2026"}, method="get",
                     errors=["The to date must be the same as or after the from date"], kept=["date_from"],
                     unchanged=lambda: person.full_name)


def test_access_review_runs_a_fixed_number_of_queries(client_as, team, practitioner, team_manager):
    person = PersonFactory(team=team)
    plan = CarePlanFactory(person=person, version=1, status="agreed", created_by=practitioner)
    client = client_as(team_manager)

    def add(n):
        for _ in range(n):
            actor = UserFactory(roles=["practitioner"])
            AuditEvent.objects.create(actor=actor, action=AuditEvent.Action.VIEW, target_type_id=_ct(person), target_id=str(person.pk))
            AuditEvent.objects.create(actor=actor, action=AuditEvent.Action.VIEW, target_type_id=_ct(plan), target_id=str(plan.pk))

    add(3)
    assert_fixed_queries(lambda: client.get(_url(person)), budget=ACCESS_REVIEW_QUERIES, grow=lambda: add(30))


# User, two-factor device, the person, team memberships (the rule), the page of entries,
# and the audit insert.
ACCESS_REVIEW_QUERIES = 5


# --- Inactive accounts ------------------------------------------------------------------------


def _dormant(email="dormant@example.org", days=120, **fields):
    return UserFactory(email=email, roles=["provider"], date_joined=timezone.now() - timedelta(days=400),
                       last_login=timezone.now() - timedelta(days=days), **fields)


def test_inactive_list_shows_only_accounts_unused_for_the_period(client_as, administrator):
    dormant = _dormant()
    never = UserFactory(email="never@example.org", date_joined=timezone.now() - timedelta(days=95), last_login=None)
    UserFactory(email="recent@example.org", last_login=timezone.now() - timedelta(days=10))
    UserFactory(email="new@example.org", date_joined=timezone.now() - timedelta(days=5), last_login=None)
    _dormant(email="off@example.org", is_active=False)
    page = client_as(administrator).get(reverse("governance:inactive_accounts"))
    emails = {cell.get_text(strip=True) for cell in BeautifulSoup(page.content, "html.parser").select("#inactive-accounts .govuk-hint")}
    assert emails == {dormant.email, never.email}
    assert f"Accounts not used for {settings.INACTIVE_ACCOUNT_DAYS} days" in page.content.decode()


def test_disabling_ends_every_session_at_once(client_as, administrator):
    dormant = _dormant()
    # Signed in on two devices.
    phone, laptop = client_as(dormant), client_as(dormant)
    User.objects.filter(pk=dormant.pk).update(last_login=timezone.now() - timedelta(days=120))
    home = reverse("accounts:password_change")
    assert phone.get(home).status_code == 200 and laptop.get(home).status_code == 200
    keys = [phone.session.session_key, laptop.session.session_key]

    url = reverse("governance:inactive_account_disable", kwargs={"user_id": dormant.pk})
    admin = client_as(administrator)
    heading = BeautifulSoup(admin.get(url).content, "html.parser").h1.get_text(strip=True)
    assert heading == f"Disable {dormant.full_name}'s account?"
    response = admin.post(url, follow=True)
    assert "signed out everywhere" in response.content.decode()

    dormant.refresh_from_db()
    assert dormant.is_active is False
    for key in keys:
        assert not SessionStore().exists(key)
    for client in (phone, laptop):
        response = client.get(home)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert AuditEvent.objects.filter(actor=administrator, subject=dormant, detail="account disabled: inactive").exists()


def test_a_session_not_tracked_is_refused_anyway(client_as, administrator):
    dormant = _dormant()
    client = client_as(dormant)
    User.objects.filter(pk=dormant.pk).update(last_login=timezone.now() - timedelta(days=120))
    cache.delete(f"governance:sessions:{dormant.pk}")  # as if the note of its key were lost
    client_as(administrator).post(reverse("governance:inactive_account_disable", kwargs={"user_id": dormant.pk}))
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_only_inactive_accounts_can_be_disabled_here(client_as, administrator, users):
    active = UserFactory(email="busy@example.org", last_login=timezone.now())
    url = reverse("governance:inactive_account_disable", kwargs={"user_id": active.pk})
    assert client_as(administrator).post(url).status_code == 404
    assert User.objects.get(pk=active.pk).is_active
    dormant = _dormant()
    url = reverse("governance:inactive_account_disable", kwargs={"user_id": dormant.pk})
    for role, user in users.items():
        if role != "administrator":
            assert client_as(user).post(url).status_code == 403
    assert User.objects.get(pk=dormant.pk).is_active


def test_inactive_list_runs_a_fixed_number_of_queries(client_as, administrator):
    client = client_as(administrator)
    url = reverse("governance:inactive_accounts")
    for n in range(3):
        _dormant(email=f"d{n}@example.org")

    def grow():
        for n in range(30):
            _dormant(email=f"g{n}@example.org")

    assert_fixed_queries(lambda: client.get(url), budget=INACTIVE_QUERIES, grow=grow)


# User, two-factor device, the count and the page of accounts, one audit insert for the page.
INACTIVE_QUERIES = 4


def test_unused_date_is_from_joining_when_never_signed_in():
    from coproduction.governance.access_review.inactive_accounts import inactive_accounts

    UserFactory(email="joined@example.org", date_joined=timezone.now() - timedelta(days=settings.INACTIVE_ACCOUNT_DAYS + 1), last_login=None)
    assert list(inactive_accounts().values_list("email", flat=True)) == ["joined@example.org"]


def test_a_long_history_is_paged_keeping_the_dates(client_as, team, practitioner, team_manager):
    person = PersonFactory(team=team)
    AuditEvent.objects.bulk_create([
        AuditEvent(actor=practitioner, action=AuditEvent.Action.VIEW, target_type_id=_ct(person), target_id=str(person.pk))
        for _ in range(55)
    ])
    client = client_as(team_manager)
    first = client.get(_url(person), {"date_from": "1 January 2020"})
    assert len(_rows(first)) == 50
    next_link = BeautifulSoup(first.content, "html.parser").select_one(".govuk-pagination__next a")["href"]
    assert next_link == "?date_from=1+January+2020&page=2"
    second = client.get(_url(person) + next_link)
    assert len(_rows(second)) == 6  # the 55, and the manager's own first look
