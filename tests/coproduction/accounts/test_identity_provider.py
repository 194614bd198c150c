"""Council staff signing in through the council's identity provider: the local OpenID provider
(tests/oidc_provider/server.py) runs in its own process and is spoken to over HTTP."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduction.accounts.models import ProviderGroupMapping, ProviderIdentity, ProviderInvitation, Role, TeamMembership, User
from coproduction.audit.models import AuditEvent
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.oidc import CALLBACK, provider_redirect_back, sign_in_through_provider

PRACTITIONERS_GROUP = "0f1e2d3c-practitioners"
MANAGERS_GROUP = "9a8b7c6d-managers"


@pytest.fixture
def groups(team):
    ProviderGroupMapping.objects.create(group_id=PRACTITIONERS_GROUP, group_name="North practitioners", role=Role.PRACTITIONER, team=team)
    ProviderGroupMapping.objects.create(group_id=MANAGERS_GROUP, group_name="North managers", role=Role.TEAM_MANAGER, team=team)


def staff(*, sub="sub-jo-0001", email="jo.bloggs@council.example", groups=(PRACTITIONERS_GROUP,), amr=("pwd", "mfa")) -> dict:
    return {"sub": sub, "email": email, "name": "Jo Bloggs", "groups": list(groups), "amr": list(amr)}


def test_without_configuration_the_sign_in_page_has_no_council_button_and_its_addresses_are_not_found(client):
    page = client.get(reverse("accounts:login"))
    assert b"Sign in with" not in page.content
    assert client.get(reverse("accounts:sso_start")).status_code == 404
    assert client.get(reverse("accounts:sso_callback")).status_code == 404


def test_the_sign_in_page_offers_the_council_account_and_starts_a_pkce_request(client, identity_provider):
    page = client.get(reverse("accounts:login"))
    assert b"Sign in with Test Council account" in page.content
    response = client.get(reverse("accounts:sso_start"))
    location = urlsplit(response.headers["Location"])
    query = parse_qs(location.query)
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{identity_provider.issuer}/authorize"
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]
    assert query["state"] and query["nonce"]
    assert query["redirect_uri"] == [f"http://testserver{CALLBACK}"]


def test_a_practitioner_in_a_mapped_group_gets_an_account_with_the_role_and_team_at_first_sign_in(client, identity_provider, groups, team, settings):
    settings.REQUIRE_STAFF_MFA = True
    identity_provider.set_people(jo=staff())
    response = sign_in_through_provider(client, username="jo")
    assert response.status_code == 302 and response.headers["Location"] == reverse("accounts:home")
    user = User.objects.get(email="jo.bloggs@council.example")
    assert user.roles == [Role.PRACTITIONER]
    assert not user.has_usable_password()
    assert list(user.team_memberships.values_list("team", "is_manager")) == [(team.pk, False)]
    assert ProviderIdentity.objects.get(user=user).subject == "sub-jo-0001"
    # Signed in, the provider's multi-factor accepted: the home page, no code asked.
    home = client.get(reverse("accounts:home"), follow=True)
    assert home.redirect_chain[-1][0] == reverse("accounts:role_home", kwargs={"role": "practitioner"})
    actions = set(AuditEvent.objects.filter(subject=user).values_list("action", "detail"))
    assert ("create", "account made at first single sign-on") in actions
    assert ("login", "single sign-on") in actions
    assert ("mfa", "multi-factor asserted by identity provider") in actions


def test_without_the_providers_multi_factor_claim_staff_still_pass_the_services_two_factor_step(client, identity_provider, groups, settings):
    settings.REQUIRE_STAFF_MFA = True
    identity_provider.set_people(jo=staff(amr=("pwd",)))
    sign_in_through_provider(client, username="jo")
    response = client.get(reverse("accounts:home"))
    assert response.headers["Location"] == reverse("accounts:mfa")
    assert b"Set up two-factor sign-in" in client.get(reverse("accounts:mfa")).content


def test_a_configured_acr_value_counts_as_multi_factor_and_only_the_configured_values_count(client, identity_provider, groups, settings):
    settings.REQUIRE_STAFF_MFA = True
    settings.OIDC_MFA_AMR_VALUES = []
    settings.OIDC_MFA_ACR_VALUES = ["urn:council:mfa"]
    identity_provider.set_people(jo={**staff(amr=("pwd",)), "acr": "urn:council:mfa"}, amy={**staff(sub="sub-amy", email="amy@council.example", amr=("mfa",)), "acr": "urn:council:pwd"})
    sign_in_through_provider(client, username="jo")
    assert client.get(reverse("accounts:home")).headers["Location"] == reverse("accounts:role_home", kwargs={"role": "practitioner"})
    other = Client()
    sign_in_through_provider(other, username="amy")
    assert other.get(reverse("accounts:home")).headers["Location"] == reverse("accounts:mfa")


def test_the_discovery_document_and_keys_are_fetched_once_and_kept(client, identity_provider, groups, settings):
    settings.REQUIRE_STAFF_MFA = False
    identity_provider.set_people(jo=staff())
    before = identity_provider.fetches()
    for _ in range(3):
        assert sign_in_through_provider(Client(), username="jo").status_code == 302
    after = identity_provider.fetches()
    assert (after["discovery"] - before["discovery"], after["jwks"] - before["jwks"]) == (1, 1)


def test_someone_in_no_mapped_group_is_refused_and_no_account_is_made(client, identity_provider, groups):
    identity_provider.set_people(sam=staff(groups=("some-other-group",)))
    response = sign_in_through_provider(client, username="sam")
    assert response.status_code == 403
    assert b"not in a group that gives access" in response.content
    assert not User.objects.filter(email="jo.bloggs@council.example").exists()
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="login_failed", detail="single sign-on: no group gives a role").exists()


def test_an_existing_account_is_never_taken_over_by_matching_its_email(client, identity_provider, groups, practitioner):
    identity_provider.set_people(eve=staff(sub="sub-eve", email=practitioner.email))
    response = sign_in_through_provider(client, username="eve")
    assert response.status_code == 403
    assert b"already an account" in response.content
    assert not ProviderIdentity.objects.exists()
    assert "_auth_user_id" not in client.session


def test_an_account_linked_to_the_subject_signs_in_whatever_email_the_provider_sends(client, identity_provider, practitioner, settings):
    settings.REQUIRE_STAFF_MFA = False
    ProviderIdentity.objects.create(user=practitioner, issuer=identity_provider.issuer, subject="sub-linked")
    identity_provider.set_people(tom=staff(sub="sub-linked", email="renamed@council.example", groups=()))
    response = sign_in_through_provider(client, username="tom")
    assert response.headers["Location"] == reverse("accounts:home")
    assert int(client.session["_auth_user_id"]) == practitioner.pk
    practitioner.refresh_from_db()
    assert practitioner.roles == [Role.PRACTITIONER]  # given by hand, no group takes it away


def test_leaving_a_group_takes_its_role_and_team_away_at_the_next_sign_in(client, identity_provider, groups, team, settings):
    settings.REQUIRE_STAFF_MFA = False
    identity_provider.set_people(jo=staff(groups=(PRACTITIONERS_GROUP, MANAGERS_GROUP)))
    sign_in_through_provider(client, username="jo")
    user = User.objects.get(email="jo.bloggs@council.example")
    assert user.roles == [Role.PRACTITIONER, Role.TEAM_MANAGER]
    assert user.team_memberships.get().is_manager

    identity_provider.set_people(jo=staff(groups=(PRACTITIONERS_GROUP,)))
    again = Client()
    sign_in_through_provider(again, username="jo")
    user.refresh_from_db()
    assert user.roles == [Role.PRACTITIONER]
    assert not user.team_memberships.get().is_manager
    assert again.get(reverse("accounts:role_home", kwargs={"role": "team-manager"})).status_code == 403
    assert AuditEvent.objects.filter(subject=user, action="change", detail="roles and teams from identity provider groups").count() == 2

    identity_provider.set_people(jo=staff(groups=()))
    last = Client()
    sign_in_through_provider(last, username="jo")
    user.refresh_from_db()
    assert user.roles == []
    assert not TeamMembership.objects.filter(user=user).exists()
    assert last.get(reverse("accounts:home")).status_code == 403  # "Your account is not set up yet"


def test_an_administrator_signs_someone_out_everywhere_and_their_groups_are_checked_again(client, client_as, administrator, identity_provider, groups, settings):
    settings.REQUIRE_STAFF_MFA = False
    identity_provider.set_people(jo=staff(groups=(PRACTITIONERS_GROUP, MANAGERS_GROUP)))
    sign_in_through_provider(client, username="jo")
    user = User.objects.get(email="jo.bloggs@council.example")
    manager_home = reverse("accounts:role_home", kwargs={"role": "team-manager"})
    assert client.get(manager_home).status_code == 200

    # Removed from the managers' group at the council: the open session still has the role...
    identity_provider.set_people(jo=staff(groups=(PRACTITIONERS_GROUP,)))
    admin = client_as(administrator)
    edit = admin.get(reverse("accounts:user_edit", kwargs={"user_id": user.pk}))
    assert b"Sign out everywhere and recheck groups" in edit.content
    response = admin.post(reverse("accounts:user_sign_out_everywhere", kwargs={"user_id": user.pk}))
    assert response.headers["Location"] == reverse("accounts:user_edit", kwargs={"user_id": user.pk})
    # ...until the administrator ends it: the next page asks them to sign in again.
    assert client.get(manager_home).headers["Location"].startswith(reverse("accounts:login"))
    assert AuditEvent.objects.filter(actor=administrator, subject=user, detail="signed out everywhere").exists()
    sign_in_through_provider(client, username="jo")
    assert client.get(manager_home).status_code == 403


@pytest.mark.parametrize(
    "fault, detail",
    [
        ("forged", "single sign-on: ID token refused: InvalidSignatureError"),
        ("expired", "single sign-on: ID token expired"),
        ("wrong_nonce", "single sign-on: ID token nonce does not match this sign-in"),
        ("wrong_audience", "single sign-on: ID token refused: InvalidAudienceError"),
        ("wrong_issuer", "single sign-on: ID token refused: InvalidIssuerError"),
    ],
)
def test_an_id_token_that_fails_a_check_is_refused(client, identity_provider, groups, fault, detail):
    identity_provider.set_people(jo=staff())
    identity_provider.fault_next_token(fault)
    response = sign_in_through_provider(client, username="jo")
    assert response.status_code == 403
    assert b"We could not sign you in" in response.content
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email="jo.bloggs@council.example").exists()
    assert AuditEvent.objects.filter(action="login_failed", detail=detail).exists()


def test_a_callback_with_a_state_this_browser_did_not_start_is_refused(client, identity_provider, groups):
    identity_provider.set_people(jo=staff())
    start = client.get(reverse("accounts:sso_start"))
    back = urlsplit(provider_redirect_back(start.headers["Location"], username="jo"))
    query = parse_qs(back.query)
    forged = client.get(CALLBACK, {"code": query["code"][0], "state": "a-state-an-attacker-chose"})
    assert forged.status_code == 403
    assert "_auth_user_id" not in client.session
    # Another browser, which never started a sign-in, cannot use the code either.
    other = Client()
    assert other.get(f"{back.path}?{back.query}").status_code == 403
    assert "_auth_user_id" not in other.session
    assert not User.objects.filter(email="jo.bloggs@council.example").exists()


def test_a_code_is_used_once(client, identity_provider, groups, settings):
    settings.REQUIRE_STAFF_MFA = False
    identity_provider.set_people(jo=staff())
    start = client.get(reverse("accounts:sso_start"))
    back = urlsplit(provider_redirect_back(start.headers["Location"], username="jo"))
    assert client.get(f"{back.path}?{back.query}").status_code == 302
    # Replayed in the same browser with a sign-in of its own waiting: the provider refuses the used code.
    client.post(reverse("accounts:logout"))
    client.get(reverse("accounts:sso_start"))
    replay = client.get(CALLBACK, {"code": parse_qs(back.query)["code"][0], "state": list(client.session["oidc_states"])[0]})
    assert replay.status_code == 403 and b"did not finish" in replay.content
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="login_failed", detail="single sign-on: code refused by provider").exists()


def test_a_name_the_service_cannot_store_is_refused_in_plain_english(client, identity_provider, groups):
    identity_provider.set_people(jo={**staff(), "name": "Jo\u0000Bloggs", "email": "not an email@@"})
    response = sign_in_through_provider(client, username="jo")
    assert response.status_code == 403 and b"cannot be used here" in response.content
    assert not ProviderIdentity.objects.exists()


def test_signing_out_ends_the_session_and_offers_the_providers_sign_out(client, identity_provider, groups, settings):
    settings.REQUIRE_STAFF_MFA = False
    identity_provider.set_people(jo=staff())
    sign_in_through_provider(client, username="jo")
    response = client.post(reverse("accounts:logout"), follow=True)
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "You have signed out of this service" in page
    link = parse_qs(urlsplit(page.split(f'href="{identity_provider.issuer}/end-session?')[1].split('"')[0].replace("&amp;", "&")).path)
    assert link["client_id"] == ["coproduction-test"]
    assert link["post_logout_redirect_uri"] == [f"http://testserver{reverse('accounts:login')}"]
    assert "id_token_hint" not in link


def test_people_who_use_services_keep_email_and_password_and_are_never_given_roles_by_groups(client, identity_provider, person):
    assert ProviderGroupMapping._meta.get_field("role").choices == [(role.value, role.label) for role in Role if role.value in {
        "commissioner", "practitioner", "team_manager", "head_of_service", "administrator"}]
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderGroupMapping.objects.create(group_id="everyone", role=Role.PERSON)
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in with Test Council account" in page and "I have forgotten my password" in page
    response = client.post(reverse("accounts:login"), {"username": person.email, "password": "correct-horse-battery-staple"})
    assert response.headers["Location"] == reverse("accounts:home")
    assert client.get(reverse("accounts:home")).headers["Location"] == reverse("accounts:role_home", kwargs={"role": "person"})


def test_a_switched_off_account_cannot_sign_in_through_the_provider(client, identity_provider, settings):
    user = UserFactory(roles=[Role.PRACTITIONER], is_active=False)
    ProviderIdentity.objects.create(user=user, issuer=identity_provider.issuer, subject="sub-off")
    identity_provider.set_people(off=staff(sub="sub-off"))
    response = sign_in_through_provider(client, username="off")
    assert response.status_code == 403 and b"switched off" in response.content
    assert "_auth_user_id" not in client.session


def _invitation_link(mail) -> str:
    return re.search(r"http://testserver(/accounts/council-sign-in/invitation/[^/\s]+/)", mail.body).group(1)


def test_an_administrators_invitation_joins_a_council_account_to_an_existing_account_once(
    client, client_as, administrator, practitioner, identity_provider, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.REQUIRE_STAFF_MFA = False
    admin = client_as(administrator)
    edit = reverse("accounts:user_edit", kwargs={"user_id": practitioner.pk})
    assert b"Invite them to sign in with their council account" in admin.get(edit).content
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(reverse("accounts:user_invite_council_sign_in", kwargs={"user_id": practitioner.pk}))
    assert response.headers["Location"] == edit
    assert mailoutbox[0].to == [practitioner.email]
    link = _invitation_link(mailoutbox[0])
    assert ProviderInvitation.objects.get().token_hash not in link  # only the hash is kept

    # Their council account has another address and no mapped group: the invitation is what lets them in.
    identity_provider.set_people(tom=staff(sub="sub-tom", email="t.okafor@council.example", groups=()))
    assert client.get(link).headers["Location"] == reverse("accounts:sso_start")
    start = client.get(reverse("accounts:sso_start"))
    back = urlsplit(provider_redirect_back(start.headers["Location"], username="tom"))
    assert client.get(f"{back.path}?{back.query}").headers["Location"] == reverse("accounts:home")
    assert int(client.session["_auth_user_id"]) == practitioner.pk
    assert ProviderIdentity.objects.get(subject="sub-tom").user == practitioner
    assert AuditEvent.objects.filter(subject=practitioner, detail="joined to council account by invitation").exists()
    assert b"signs in with their council account" in admin.get(edit).content

    # The link works once.
    assert Client().get(link).status_code == 404


def test_an_invitation_cannot_be_sent_for_someone_who_uses_services(client_as, administrator, person, identity_provider):
    admin = client_as(administrator)
    assert b"Invite them to sign in" not in admin.get(reverse("accounts:user_edit", kwargs={"user_id": person.pk})).content
    assert admin.post(reverse("accounts:user_invite_council_sign_in", kwargs={"user_id": person.pk})).status_code == 403
    assert not ProviderInvitation.objects.exists()


def test_an_expired_invitation_is_refused_at_the_link_and_at_the_callback(client, administrator, practitioner, identity_provider):
    from coproduction.accounts.services import INVITATION_SESSION_KEY, invitation_token_hash

    invitation = ProviderInvitation.objects.create(
        user=practitioner, token_hash=invitation_token_hash("old-token"), created_by=administrator, expires_at=timezone.now() - timedelta(minutes=1)
    )
    assert client.get(reverse("accounts:sso_invitation", kwargs={"token": "old-token"})).status_code == 404
    # Even one remembered in the session before it ran out.
    session = client.session
    session[INVITATION_SESSION_KEY] = invitation.pk
    session.save()
    identity_provider.set_people(tom=staff(sub="sub-tom", groups=()))
    response = sign_in_through_provider(client, username="tom")
    assert response.status_code == 403 and b"run out" in response.content
    assert not ProviderIdentity.objects.exists()


def test_a_provider_that_cannot_be_reached_or_is_not_the_configured_issuer_is_explained(client, identity_provider, settings):
    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens there
    response = client.get(reverse("accounts:sso_start"))
    assert response.status_code == 503 and b"We could not reach Test Council account" in response.content
    # A discovery document naming another issuer is not trusted.
    settings.OIDC_ISSUER = identity_provider.issuer.replace("127.0.0.1", "localhost")
    assert client.get(reverse("accounts:sso_start")).status_code == 503
    assert AuditEvent.objects.filter(action="login_failed", detail="single sign-on: provider unavailable").count() == 2
