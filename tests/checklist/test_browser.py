"""The checklist in real Chromium: on a phone without JavaScript, and the dashboard's filters with it."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from checklist.models import Checklist
from coproduction.accounts.models import Role
from tests.careplans.factories import CarePlanFactory, PersonFactory
from tests.checklist.factories import current_set, planning, submitted_checklist
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_answers_one_statement_per_page_on_a_phone_without_javascript(browser, live_server, users, team):
    person = users[Role.PERSON]
    current_set()  # published by the migration; browser tests empty the database between them
    record = PersonFactory(user=person, team=team, practitioner=users[Role.PRACTITIONER])
    CarePlanFactory(person=record, version=1, status="agreed")
    page = signed_in_page(browser, live_server, person, javascript=False)
    page.set_viewport_size({"width": 375, "height": 740})
    page.set_default_timeout(5000)
    page.goto(reverse("accounts:role_home", kwargs={"role": "person"}))
    start = page.get_by_role("button", name="Start", exact=True)
    assert start.count() == 1  # only the phone's button is shown (and read out)
    start.click()
    expect(page.locator("main")).to_contain_text("Statement 1 of 10")  # waits for the next page
    # A comment without an answer: the error summary, in a page that still passes axe.
    page.get_by_label("Tell us more about statement 1 (optional)").fill("They let me write it")
    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    assert page.get_by_label("Tell us more about statement 1 (optional)").input_value() == "They let me write it"
    page.get_by_label("5 – Always, completely").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator("main")).to_contain_text("Statement 2 of 10")  # waits for the next page
    for number in range(2, 11):
        page.get_by_label("4 – Mostly").check()
        page.get_by_role("button", name="Save and check your answers" if number == 10 else "Save and continue").click()
    expect(page).to_have_title(re.compile(r"^Check\ your\ answers"))  # waits for the page to load
    page.get_by_role("button", name="Send your answers").click()
    expect(page.locator("main")).to_contain_text("Thank you. Your answers have been sent.")  # waits for the next page
    checklist = Checklist.objects.get(person=record)
    assert checklist.is_submitted and checklist.ratings.get(statement__number=1).comment == "They let me write it"


def test_the_checklist_in_its_error_state_passes_axe(browser, live_server, users, team):
    person = users[Role.PERSON]
    record = PersonFactory(user=person, team=team)
    draft = Checklist.objects.create(statement_set=current_set(), perspective="person", person=record, team=team, entered_by=person)
    page = signed_in_page(browser, live_server, person)
    page.set_default_timeout(5000)
    page.goto(reverse("checklist:fill", kwargs={"checklist_id": draft.pk}))
    page.get_by_label("Tell us more about statement 3 (optional)").fill("A story")
    page.get_by_role("button", name="Save and check your answers").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    page.get_by_role("link", name="Select an answer for statement 3, or delete what you wrote about it").click()
    assert page.evaluate("document.activeElement.name") == "answer_3"
    assert axe_violations(page) == []


def test_the_dashboard_filters_in_place_with_javascript(browser, live_server, users, team):
    for _ in range(5):
        person = PersonFactory(team=team)
        plan = CarePlanFactory(person=person, version=1, status="agreed")
        submitted_checklist(person=person, plan=plan, scores=[3] * 10)
    page = signed_in_page(browser, live_server, users[Role.TEAM_MANAGER])
    page.set_default_timeout(5000)
    page.goto(reverse("checklist:dashboard"))
    assert axe_violations(page) == []
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Statement", exact=True).select_option(value=str(planning()[6].pk))
    page.wait_for_url("**statement=**")
    results = page.locator("#dashboard-results")
    results.get_by_text("7. I get the information I need").first.wait_for()
    assert results.get_by_text("1. I can write my own plan").count() == 0
    assert page.evaluate("window.notReloaded") is True  # swapped in place, not a new page
    assert page.console_errors == []
