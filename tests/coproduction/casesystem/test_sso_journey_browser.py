"""The journey councils asked for: a practitioner signs in through the council's identity
provider (the local OpenID provider, in its own process) with no password for this service, and
finds, on their caseload, the person the case management system's extract brought in, by the
case system's id, in real Chromium with JavaScript on and off."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from coproduction.accounts.models import ProviderGroupMapping, Role, User
from coproduction.casesystem import importing
from coproduction.casesystem.models import ImportRun
from coproduction.people.models import Person
from tests.harness.browser import axe_violations, signed_in_page

from .factories import TeamLinkFactory
from .helpers import extract, las_mapping, person_row

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_practitioner_signed_in_with_their_council_account_finds_the_imported_person_by_case_system_id(
    browser, live_server, identity_provider, team, settings, javascript
):
    settings.REQUIRE_STAFF_MFA = True
    # The case system's team T-NA is this service's North Adults Team; its nightly extract brings Joan in.
    TeamLinkFactory(case_system_team_id="T-NA", team=team)
    mapping = las_mapping(organisation=team.organisation)
    data = extract([person_row("LAS-200417", "Joan", "Pemberton"), person_row("LAS-200418", "Arthur", "Pemberton", NHS_NUMBER="")])
    run = ImportRun(file_name="las-nightly.csv", checksum=importing.checksum(data), scheduled=True, mapping=mapping)
    importing.import_checked(dry_run=importing.check_file(data, mapping), mapping=mapping, run=run)
    assert Person.objects.get(case_system_id="LAS-200417").team == team

    identity_provider.allow_redirect(live_server.url)
    ProviderGroupMapping.objects.create(group_id="grp-north-practitioners", group_name="North practitioners", role=Role.PRACTITIONER, team=team)
    identity_provider.set_people(
        jo={"sub": "sub-jo-0001", "email": "jo.bloggs@council.example", "name": "Jo Bloggs", "groups": ["grp-north-practitioners"], "amr": ["pwd", "mfa"]}
    )
    page = signed_in_page(browser, live_server, javascript=javascript)
    page.goto(reverse("careplans:caseload"))  # signed out: asked to sign in first, then brought back
    page.get_by_role("button", name="Sign in with Test Council account").click()
    expect(page).to_have_title("Council identity provider")
    page.get_by_label("Username").fill("jo")
    page.get_by_role("button", name="Sign in to the council").click()
    expect(page.locator("h1")).to_have_text("Caseload")
    assert not User.objects.get(email="jo.bloggs@council.example").has_usable_password()

    page.get_by_label("Case system ID or NHS number").fill("las-200417")
    page.get_by_role("button", name="Search").click()
    table = page.locator("#caseload-table")
    expect(table.get_by_role("link", name="Joan Pemberton")).to_be_visible()
    expect(table.get_by_role("link", name="Arthur Pemberton")).to_have_count(0)
    assert axe_violations(page) == []

    table.get_by_role("link", name="Joan Pemberton").click()
    expect(page.locator("h1")).to_contain_text("Joan Pemberton")
    main = page.locator("main").inner_text()
    assert "LAS-200417" in main
    assert "943 476 5919" in main
