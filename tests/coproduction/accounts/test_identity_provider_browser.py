"""A practitioner signs in through the council's identity provider (the local OpenID provider,
in its own process) in real Chromium, with no password for this service, and signs out of both."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from coproduction.accounts.models import ProviderGroupMapping, Role, User
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_practitioner_signs_in_with_their_council_account_and_lands_on_their_home_page(
    browser, live_server, identity_provider, team, settings, javascript
):
    settings.REQUIRE_STAFF_MFA = True
    identity_provider.allow_redirect(live_server.url)
    ProviderGroupMapping.objects.create(group_id="grp-north-practitioners", group_name="North practitioners", role=Role.PRACTITIONER, team=team)
    identity_provider.set_people(
        jo={"sub": "sub-jo-0001", "email": "jo.bloggs@council.example", "name": "Jo Bloggs", "groups": ["grp-north-practitioners"], "amr": ["pwd", "mfa"]}
    )
    page = signed_in_page(browser, live_server, javascript=javascript)
    page.goto(reverse("accounts:login"))
    assert axe_violations(page) == []
    page.get_by_role("button", name="Sign in with Test Council account").click()
    expect(page).to_have_title("Council identity provider")  # the provider's own page
    page.get_by_label("Username").fill("jo")
    page.get_by_role("button", name="Sign in to the council").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('accounts:role_home', kwargs={'role': 'practitioner'})}")
    expect(page.locator("h1")).to_have_text("Hello, Jo Bloggs")
    assert "North Adults Team" in page.locator("main").inner_text()
    assert not User.objects.get(email="jo.bloggs@council.example").has_usable_password()

    page.get_by_role("button", name="Sign out").click()
    expect(page.locator("h1")).to_have_text("Sign in")
    assert "You have signed out of this service" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Sign out of Test Council account too").click()
    expect(page.locator("h1")).to_have_text("You have signed out of the council")
    page.get_by_role("link", name="Back to the service").click()
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login")) + "$"))
