"""The priorities pages in real Chromium: forms in their error state pass axe, and supporting
works with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from commissioning.priorities.models import Support
from coproduction.accounts.models import Role
from tests.commissioning.priorities.factories import PriorityFactory
from tests.commissioning.priorities.pages import url
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_priorities_suggestion_form_with_errors_passes_axe(browser, live_server, users, programme):
    page = signed_in_page(browser, live_server, users[Role.PERSON])
    page.goto(url("priority_propose", programme))
    page.get_by_label("Why it matters").fill("The centre shuts on Friday.")
    page.get_by_role("button", name="Send your suggestion").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    page.locator(".govuk-error-summary").get_by_role("link", name="Enter your priority or outcome").click()
    assert page.evaluate("document.activeElement.id") == "id_title"
    assert page.get_by_label("Why it matters").input_value() == "The centre shuts on Friday."
    assert axe_violations(page) == []


def test_priorities_shortlist_with_a_place_used_twice_passes_axe(browser, live_server, users, programme):
    PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="More to do at weekends")
    PriorityFactory(programme=programme, proposed_by=users[Role.CARER], title="Transport on time")
    page = signed_in_page(browser, live_server, users[Role.COMMISSIONER])
    page.goto(url("shortlist_agree", programme))
    page.get_by_label("More to do at weekends").fill("1")
    page.get_by_label("Transport on time").fill("1")
    page.get_by_label("Day").fill("14")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Record the agreed shortlist").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    assert page.locator(".govuk-error-summary").get_by_text("Place 1 is given to more than one priority").count() == 2
    assert axe_violations(page) == []


def test_priorities_evidence_form_with_errors_passes_axe(browser, live_server, users, programme):
    page = signed_in_page(browser, live_server, users[Role.CARER])
    page.goto(url("evidence_add", programme))
    page.get_by_label("A story: something that happened to someone").check()
    page.get_by_label("Title").fill("Saturday at home")
    page.get_by_role("button", name="Add the evidence").click()
    page.wait_for_load_state()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    expect(page.locator(".govuk-error-summary").get_by_text("confirm they agreed")).to_be_visible()
    assert axe_violations(page) == []


def test_priorities_support_swaps_in_place_with_javascript(browser, live_server, users, programme):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="More to do at weekends")
    page = signed_in_page(browser, live_server, users[Role.CARER])
    page.goto(url("priority_list", programme))
    page.evaluate("window.notReloaded = true")
    page.get_by_role("button", name="Support this").click()
    page.get_by_role("button", name="Withdraw your support").wait_for(timeout=10_000)
    expect(page.get_by_text("1 member supports this, including you")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True
    assert Support.objects.filter(priority=priority, member=users[Role.CARER]).exists()
    assert page.console_errors == []


def test_priorities_support_works_without_javascript(browser, live_server, users, programme):
    PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="More to do at weekends")
    page = signed_in_page(browser, live_server, users[Role.CARER], javascript=False)
    page.goto(url("priority_list", programme))
    page.get_by_role("button", name="Support this").click()
    page.wait_for_load_state()
    assert page.url.endswith(url("priority_list", programme))
    expect(page.get_by_text("1 member supports this, including you")).to_be_visible()
    page.get_by_role("button", name="Withdraw your support").click()
    page.wait_for_load_state()
    expect(page.get_by_text("0 members support this")).to_be_visible()
