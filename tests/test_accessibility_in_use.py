"""Pages in use, in real Chromium with axe-core: forms in their error state, the menu on a
phone, the timeout warning, live updates and pages working without JavaScript. Each test
makes its own records (the page-by-page sweep is tests/test_accessibility.py)."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import TEST_PASSWORD
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_forms_in_their_error_state_pass_axe(browser, live_server, users):
    page = signed_in_page(browser, live_server)
    page.goto(reverse("accounts:login"))
    page.get_by_label("Email address").fill(users[Role.PERSON].email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.get_by_label("Email address").input_value() == users[Role.PERSON].email
    assert axe_violations(page) == []


def test_sign_in_and_get_my_data_without_javascript(browser, live_server, users):
    person = users[Role.PERSON]
    page = signed_in_page(browser, live_server, javascript=False)
    page.goto(reverse("accounts:login"))
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Hello, {person.display_name}"
    page.get_by_role("link", name="Your data").first.click()
    page.get_by_role("button", name="Make a copy of my data").click()
    expect(page.get_by_text("Waiting to start")).to_be_visible()
    expect(page.get_by_role("link", name="refresh the page")).to_be_visible()


def test_the_service_navigation_collapses_into_a_menu_on_a_phone(browser, live_server, users):
    page = signed_in_page(browser, live_server, users[Role.ADMINISTRATOR])
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(reverse("accounts:home"))
    navigation = page.get_by_role("navigation", name="Menu")
    menu = navigation.get_by_role("button", name="Menu")
    assert menu.is_visible()  # GOV.UK Frontend's JavaScript ran under our CSP
    assert not navigation.get_by_role("link", name="Audit trail", exact=True).is_visible()
    menu.click()
    expect(navigation.get_by_role("link", name="Audit trail", exact=True)).to_be_visible()
    assert page.console_errors == []
    assert axe_violations(page) == []


def test_the_timeout_warning_lets_a_person_stay_signed_in(browser, live_server, users, settings):
    # Two seconds before the warning shows, instead of 25 minutes.
    settings.SESSION_IDLE_TIMEOUT = settings.SESSION_WARNING_SECONDS + 2
    page = signed_in_page(browser, live_server, users[Role.PERSON])
    page.goto(reverse("accounts:home"))
    dialog = page.get_by_role("dialog", name="You're about to be signed out")
    dialog.wait_for(state="visible", timeout=10_000)
    assert axe_violations(page) == []
    dialog.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden", timeout=10_000)
    assert page.url.endswith("/home/person/")  # stayed on the page, nothing lost
    assert page.console_errors == []


def test_the_progress_page_updates_itself_until_the_pdf_is_ready(browser, live_server, users):
    from tests.harness.worker import celery_worker

    page = signed_in_page(browser, live_server, users[Role.PERSON])
    page.goto(reverse("reports:my_data"))
    page.get_by_role("button", name="Make a copy of my data").click()
    expect(page.get_by_text("Waiting to start")).to_be_visible()
    with celery_worker():
        # htmx polls every 2 s; the page is never reloaded by hand.
        page.get_by_role("heading", name="Your PDF is ready").wait_for(timeout=60_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename.startswith("my-data-")
    assert page.console_errors == []


def test_the_person_form_with_errors_passes_axe(browser, live_server, users, team):
    page = signed_in_page(browser, live_server, users[Role.PRACTITIONER])
    page.goto(reverse("careplans:person_add"))
    page.get_by_label("Full name").fill("Half Finished")
    page.get_by_label("Lacks capacity to make care-planning decisions").check()
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    summary = page.locator(".govuk-error-summary")
    summary.get_by_role("link", name="Enter who assessed capacity").click()
    assert page.evaluate("document.activeElement.id") == "id_capacity_assessed_by"  # the link reaches the field
    assert page.get_by_label("Full name").input_value() == "Half Finished"
    assert axe_violations(page) == []


def test_a_review_in_progress_passes_axe(browser, live_server, users, team):
    from tests.careplans.factories import CarePlanFactory, PersonFactory

    person = PersonFactory(team=team, full_name="Alan Marsh")
    CarePlanFactory(person=person, version=1, status="agreed", created_by=users[Role.PRACTITIONER], content={"sections": {
        "outcomes": {"lists": {"outcomes": [{"id": "a", "outcome": "Back at the allotment", "whose": "person"}]}}}})
    page = signed_in_page(browser, live_server, users[Role.PRACTITIONER])
    page.goto(reverse("careplans:review", kwargs={"person_id": person.pk}))
    page.get_by_label("Day").fill("20")
    page.get_by_label("Month").fill("11")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Start the review").click()
    page.get_by_role("button", name="Finish the review").click()  # nothing chosen: errors
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    assert axe_violations(page) == []


def test_the_caseload_filters_in_place_with_javascript(browser, live_server, users, team):
    from tests.careplans.factories import PersonFactory

    PersonFactory(team=team, full_name="Edith Clarke")
    PersonFactory(team=team, full_name="Bashir Rahman")
    page = signed_in_page(browser, live_server, users[Role.PRACTITIONER])
    page.goto(reverse("careplans:caseload"))
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Name").fill("edith")
    page.get_by_role("button", name="Search").click()
    table = page.locator("#caseload-table")
    table.get_by_role("link", name="Bashir Rahman").wait_for(state="detached", timeout=10_000)
    expect(table.get_by_role("link", name="Edith Clarke")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True  # swapped in place by htmx
    assert page.console_errors == []


def test_a_section_saves_in_place_with_javascript(browser, live_server, users, team):
    from careplans.models import CarePlan
    from tests.careplans.factories import CarePlanFactory, PersonFactory

    person = PersonFactory(team=team, full_name="Alan Marsh")
    CarePlanFactory(person=person, version=1, status="draft", created_by=users[Role.PRACTITIONER], content={"sections": {}})
    page = signed_in_page(browser, live_server, users[Role.PRACTITIONER])
    page.goto(reverse("careplans:section_edit", kwargs={"person_id": person.pk, "key": "goals"}))
    page.evaluate("window.notReloaded = true")
    page.get_by_label("What I want to achieve, and my hopes for the future").fill("Back to the allotment")
    page.get_by_role("group", name="Whose words are in “What I want to achieve, and my hopes for the future”?").get_by_label("The person, in their own words").check()
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_text("Saved: What I want to achieve").wait_for()
    assert page.url.endswith(f"/people/{person.pk}/plan/")
    assert page.evaluate("window.notReloaded") is True
    assert CarePlan.objects.get(person=person).section_data("goals")["fields"]["goals"] == {"text": "Back to the allotment", "whose": "person"}
    assert page.console_errors == []


def test_a_plan_section_is_written_and_agreed_without_javascript(browser, live_server, users, team):
    from careplans.models import CarePlan
    from tests.careplans.factories import PersonFactory

    person = PersonFactory(team=team, full_name="Alan Marsh")
    page = signed_in_page(browser, live_server, users[Role.PRACTITIONER], javascript=False)
    page.goto(reverse("careplans:plan_detail", kwargs={"person_id": person.pk}))
    page.get_by_role("button", name="Start a plan with Alan Marsh").click()
    page.get_by_role("link", name="1. What I want to achieve").click()
    page.get_by_label("What I want to achieve, and my hopes for the future").fill("Back to the allotment")
    page.get_by_role("group", name="Whose words are in “What I want to achieve, and my hopes for the future”?").get_by_label("The person, in their own words").check()
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    assert page.locator("#status-goals").inner_text().strip() == "Completed"
    page.get_by_role("link", name="6. My personal budget").click()  # section 4 applies only when lacking capacity
    page.get_by_text("Add a budget item").click()
    page.get_by_label("What it pays for").fill("Personal assistant")
    page.get_by_label("Amount each week (£)").fill("126")
    page.get_by_role("group", name="Whose words are in this budget item?").get_by_label("The practitioner", exact=True).check()
    page.get_by_role("button", name="Add this budget item").click()
    expect(page.get_by_text("Total each week: £126.00")).to_be_visible()
    assert CarePlan.objects.get(person=person).section_data("budget")["lists"]["items"][0]["what"] == "Personal assistant"
