import re
import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduction.accounts.models import Role, User
from coproduction.audit.models import AuditEvent
from tests.coproduction.accounts.factories import TEST_PASSWORD, UserFactory
from tests.harness.auth import login_as
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries

LOGIN = "/accounts/login/"


def nav_labels(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select(".govuk-service-navigation__list a")]


def test_sign_in_lands_on_the_home_page_of_the_first_role(client, person):
    response = client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/home/person/"
    # Read as text: a name such as O'Donnell is escaped in the HTML.
    assert f"Hello, {person.display_name}" in BeautifulSoup(response.content, "html.parser").get_text()
    assert AuditEvent.objects.filter(actor=person, action=AuditEvent.Action.LOGIN).count() == 1


def test_sign_in_email_is_not_case_sensitive(client, person):
    response = client.post(LOGIN, {"username": person.email.upper(), "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_wrong_password_shows_error_summary_and_keeps_the_email(client, person):
    assert_bad_input(
        client,
        LOGIN,
        {"username": person.email, "password": "wrong-password"},
        errors=["Enter a correct email address and password"],
        kept=["username"],
        unchanged=lambda: AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN).count(),
    )
    # The failure is audited without the email typed.
    failed = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED)
    assert failed.actor is None and failed.subject is None and failed.detail == ""


def test_failed_sign_ins_leave_no_email_in_the_logs(client, person, caplog):
    caplog.set_level("DEBUG")
    for _ in range(6):
        client.post(LOGIN, {"username": person.email, "password": "wrong-password"})
    assert caplog.records, "expected the lockout to be logged"
    assert person.email not in caplog.text and person.email.split("@")[0] not in caplog.text


def test_empty_sign_in_names_each_missing_answer(client):
    assert_bad_input(
        client,
        LOGIN,
        {"username": "", "password": ""},
        errors=["Enter your email address", "Enter your password"],
        unchanged=lambda: AuditEvent.objects.count(),
    )


def test_sign_in_is_paused_after_five_failures(client, person):
    for _ in range(5):
        client.post(LOGIN, {"username": person.email, "password": "wrong-password"})
    response = client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.text
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("typed", [
    lambda email: email.swapcase(),
    lambda email: email.capitalize(),
    lambda email: f"  {email.upper()}  ",
    lambda email: f"\t{email}\n",
], ids=["swapped case", "capital first letter", "upper case between spaces", "tab and new line"])
def test_a_paused_sign_in_stays_paused_whatever_the_case_or_spaces_of_the_email(client, person, typed):
    for _ in range(5):
        client.post(LOGIN, {"username": person.email.upper(), "password": "wrong-password"})
    response = client.post(LOGIN, {"username": typed(person.email), "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.text
    assert "_auth_user_id" not in client.session


def test_failures_typed_in_different_cases_add_up_to_a_pause(client, person):
    for typed in (person.email.upper(), person.email.title(), f" {person.email} ", person.email.swapcase(), person.email):
        client.post(LOGIN, {"username": typed, "password": "wrong-password"})
    response = client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    assert response.status_code == 429


@pytest.mark.parametrize(("cooloff", "words"), [(timedelta(minutes=15), "15 minutes"), (timedelta(minutes=90), "1 hour and 30 minutes")])
def test_the_pause_page_says_how_long_in_words(client, person, settings, cooloff, words):
    settings.AXES_COOLOFF_TIME = cooloff
    for _ in range(5):
        client.post(LOGIN, {"username": person.email, "password": "wrong-password"})
    response = client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
    assert f"signing in with this email address is paused for {words}." in text
    assert not re.search(r"\bPT\d", text), "the pause is shown as an ISO 8601 duration"


def test_a_new_session_key_at_sign_in(client, person):
    client.get(LOGIN)
    client.cookies["sessionid"] = "attacker-chosen-session-key"
    client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    assert client.cookies["sessionid"].value != "attacker-chosen-session-key"


@pytest.mark.parametrize(
    "role, expected",
    [
        # Anyone may be in a co-production group, so everyone has "Commissioning".
        (Role.PERSON, ["Home", "My plan", "Checklist", "Commissioning", "Local assets", "Your data"]),
        (Role.PRACTITIONER, ["Home", "Caseload", "Checklist", "Commissioning", "Local assets", "Your data"]),
        (Role.TEAM_MANAGER, ["Home", "Caseload", "Team dashboard", "Checklist", "Commissioning", "Recruitment", "Local assets", "Your data", "Audit trail"]),
        (Role.HEAD_OF_SERVICE, ["Home", "Team dashboard", "Checklist", "Commissioning", "Recruitment", "Local assets", "Your data"]),  # totals only, no records
        (Role.COMMISSIONER, ["Home", "Checklist", "Commissioning", "Boards", "Recruitment", "Networks", "Local assets", "Your data"]),  # no individual's record, ever
        (Role.ADMINISTRATOR, [
            "Home", "Checklist", "Commissioning", "Local assets", "Your data", "Audit trail", "Subject access", "Retention",
            "Manage accounts",
        ]),
    ],
)
def test_navigation_shows_only_what_the_role_may_use(client_as, users, role, expected):
    response = client_as(users[role]).get(reverse("accounts:role_home", kwargs={"role": role.value.replace("_", "-")}))
    assert nav_labels(response) == expected


def test_a_person_with_two_roles_can_reach_both_homes(client_as):
    user = UserFactory(roles=[Role.PERSON.value, Role.QUALITY_ASSESSOR.value])
    client = client_as(user)
    home = client.get("/home/", follow=True)
    assert home.redirect_chain[-1][0] == "/home/person/"
    assert 'href="/home/quality-assessor/"' in home.text
    assert client.get("/home/quality-assessor/").status_code == 200
    assert client.get("/home/practitioner/").status_code == 403


def test_an_account_without_a_role_is_told_what_to_do(client_as):
    response = client_as(UserFactory(roles=[])).get("/home/")
    assert response.status_code == 403
    assert "Ask your council's administrator" in response.text


def test_manager_home_counts_team_members_in_fixed_queries(client_as, team_manager, team):
    client = client_as(team_manager)
    url = reverse("accounts:role_home", kwargs={"role": "team-manager"})
    # OTP device, memberships (teams for the rules and the page), caseload counts
    # (care plans panel), managed teams with member counts; co-production groups,
    # workshop invitations and boards and interview panels (commissioning panels, on every home page); their
    # procurement panels, monitoring meetings, quality visits and claims (on every home page).
    response = assert_fixed_queries(
        lambda: client.get(url), budget=14, grow=lambda: UserFactory.create_batch(20, roles=["practitioner"], teams=[team])
    )
    page = BeautifulSoup(response.content, "html.parser")
    row = page.select_one("tbody tr")
    assert row.th.get_text(strip=True) == team.name
    assert row.select("td")[-1].get_text(strip=True) == "23"  # manager, practitioner, commissioner + 20


def test_administrator_home_counts_accounts_by_role_in_fixed_queries(client_as, administrator):
    client = client_as(administrator)
    url = reverse("accounts:role_home", kwargs={"role": "administrator"})
    response = assert_fixed_queries(
        # with their procurement panels, monitoring meetings, quality visits and claims (every home page)
        lambda: client.get(url), budget=13, grow=lambda: UserFactory.create_batch(10, roles=["carer"])
    )
    page = BeautifulSoup(response.content, "html.parser")
    counts = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in page.select("tbody tr")}
    assert counts["Carer or family representative"] == "11"


@pytest.mark.parametrize("role", list(Role))
def test_each_role_home_runs_few_queries(client_as, users, role):
    client = client_as(users[role])
    url = reverse("accounts:role_home", kwargs={"role": role.value.replace("_", "-")})
    # memberships; staff add their OTP device; each role its own panels:
    # caseload counts (one aggregate), a person's record, a carer's people, a manager's
    # teams (tested above), the administrator's role counts; the checklist adds a
    # practitioner's unfinished checklists, and a person's checklists and open surveys.
    # (This person has no record yet; with one, the checklist panel's two queries are
    # counted in tests/checklist/test_checklist.py.) Anyone may belong to a co-production
    # group, sit on a board or on an interview panel: every home shows their groups, workshop invitations, boards and
    # interview panels (one query each). Anyone may sit on a panel, a monitoring meeting or a quality visit: every
    # home shows theirs (one query each); and anyone with a claim sees their claims (one query
    # for roles that do not usually claim).
    extra = {Role.PRACTITIONER: 2, Role.TEAM_MANAGER: 2, Role.PERSON: 1, Role.CARER: 1, Role.ADMINISTRATOR: 1}
    usually_claim = {Role.PERSON, Role.CARER, Role.PROVIDER, Role.QUALITY_ASSESSOR}
    # Everyone's home lists their networks and the votes open to them; a practitioner's, the induction sessions led by people
    # who use services.
    budget = 1 + users[role].needs_mfa + extra.get(role, 0) + 6 + 3 + (role not in usually_claim) + (role == Role.PRACTITIONER)
    assert_fixed_queries(lambda: client.get(url), budget=budget, grow=lambda: UserFactory.create_batch(10))


def test_idle_session_is_signed_out_with_a_reason(client_as, person):
    client = client_as(person)
    session = client.session
    session["last_activity"] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/home/person/", follow=True)
    assert response.redirect_chain[-1][0] == LOGIN
    assert "You were signed out to keep your information safe" in response.text
    assert client.get("/home/person/").status_code == 302


def test_sessions_end_after_twelve_hours_even_when_active(client_as, person):
    client = client_as(person)
    session = client.session
    session["auth_started"] = int(time.time()) - 12 * 3600 - 1
    session["last_activity"] = int(time.time())
    session.save()
    assert client.get("/home/person/").headers["Location"] == LOGIN


def test_stay_signed_in_resets_the_idle_clock(client_as, person):
    client = client_as(person)
    session = client.session
    session["last_activity"] = int(time.time()) - 28 * 60
    session.save()
    response = client.post(reverse("accounts:session_extend"), HTTP_ACCEPT="application/json")
    assert int(response.text) > 29 * 60


def test_pages_carry_the_session_warning_for_signed_in_users(client_as, person):
    response = client_as(person).get("/home/person/")
    page = BeautifulSoup(response.content, "html.parser")
    assert page.body["data-session-warning-seconds"] == "300"
    assert 1700 < int(page.body["data-session-seconds-left"]) <= 1800
    assert page.select_one("dialog#session-warning form button").get_text(strip=True) == "Stay signed in"


@pytest.fixture
def mfa_on(settings):
    settings.REQUIRE_STAFF_MFA = True


def test_staff_must_set_up_two_factor_before_anything_else(client, practitioner, mfa_on):
    client.post(LOGIN, {"username": practitioner.email, "password": TEST_PASSWORD})
    response = client.get("/home/practitioner/")
    assert response.headers["Location"] == reverse("accounts:mfa")
    setup = client.get(reverse("accounts:mfa"))
    assert "Set up two-factor sign-in" in setup.text
    key_hex = client.session["mfa_setup_key"]
    assert not TOTPDevice.objects.filter(user=practitioner).exists()  # nothing saved on GET

    assert_bad_input(
        client,
        reverse("accounts:mfa"),
        {"token": "000000" if TOTP(bytes.fromhex(key_hex)).token() != 0 else "111111"},
        errors=["The security code is wrong or has run out. Enter the code shown now."],
        unchanged=lambda: TOTPDevice.objects.filter(user=practitioner).count(),
    )
    code = f"{TOTP(bytes.fromhex(key_hex)).token():06d}"
    response = client.post(reverse("accounts:mfa"), {"token": code})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=practitioner).confirmed
    assert client.get("/home/practitioner/").status_code == 200


def test_staff_with_a_device_enter_a_code_at_each_sign_in(client, practitioner, mfa_on):
    device = TOTPDevice.objects.create(user=practitioner, name="Phone", confirmed=True)
    client.post(LOGIN, {"username": practitioner.email, "password": TEST_PASSWORD})
    assert "Enter your security code" in client.get(reverse("accounts:mfa")).text
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    client.post(reverse("accounts:mfa"), {"token": f"{totp.token():06d}"})
    assert client.get("/home/practitioner/").status_code == 200


def test_people_who_use_services_are_not_asked_for_two_factor(client, person, mfa_on):
    client.post(LOGIN, {"username": person.email, "password": TEST_PASSWORD})
    assert client.get("/home/person/").status_code == 200


def test_passwords_are_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = UserFactory()
    assert User.objects.get(pk=user.pk).password.startswith("argon2")


def test_password_reset_sends_a_link_that_sets_a_new_password(client, person, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": person.email})
    assert response.headers["Location"] == reverse("accounts:password_reset_done")
    link = next(line for line in mailoutbox[0].body.splitlines() if "/accounts/password/reset/" in line)
    path = link.split("testserver", 1)[1]
    form_url = client.get(path).headers["Location"]  # Django swaps the token for a session one
    client.post(form_url, {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"})
    client.logout()
    response = client.post(LOGIN, {"username": person.email, "password": "a-brand-new-passphrase"})
    assert response.headers["Location"] == "/home/"


def test_password_reset_for_an_unknown_email_says_the_same(client, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.headers["Location"] == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_password_change_mismatch_keeps_nothing(client_as, person):
    client = client_as(person)
    old_hash = User.objects.get(pk=person.pk).password
    assert_bad_input(
        client,
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "a-brand-new-passphrase", "new_password2": "different-passphrase"},
        errors=["The two password fields didn’t match."],
        unchanged=lambda: User.objects.get(pk=person.pk).password == old_hash,
    )


def test_a_stale_form_gets_a_plain_english_page_not_a_crash(person):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    login_as(client, person)
    response = client.post(reverse("accounts:password_change"), {"old_password": "x"})
    assert response.status_code == 403
    assert "Sorry, we could not save that" in response.text
