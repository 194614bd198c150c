"""Specifications in real Chromium: the glossary without JavaScript, and the criteria form's errors."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from commissioning.models import MemberRole
from commissioning.specifications import services
from coproduction.accounts.models import Role
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.commissioning.specifications.factories import GlossaryTermFactory, SpecificationFactory
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _specification(users):
    programme = ProgrammeFactory(lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=programme, user=users[Role.PERSON], member_role=MemberRole.LIVED_EXPERIENCE)
    return SpecificationFactory(programme=programme, title="Day opportunities from 2027", created_by=users[Role.COMMISSIONER])


def test_a_glossary_word_explains_itself_to_a_screen_reader_and_a_keyboard_without_javascript(browser, live_server, users):
    specification = _specification(users)
    term = GlossaryTermFactory(term="provider", explanation="An organisation paid to run the service.")
    section = specification.versions.get().sections.get(key="background")
    services.section_update(section=section, text="The provider will listen.", informed_by=[], by=users[Role.COMMISSIONER])
    page = signed_in_page(browser, live_server, users[Role.PERSON], javascript=False)
    page.goto(reverse("specifications:specification_detail", kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk}))
    link = page.locator("#section-background").get_by_role("link", name="provider")
    expect(link).to_have_accessible_description("An organisation paid to run the service.")
    link.focus()
    page.keyboard.press("Enter")
    assert page.url.endswith(f"#glossary-{term.pk}")
    expect(page.locator(f"#glossary-{term.pk}")).to_be_in_viewport()


def test_criteria_that_do_not_add_up_show_an_error_that_leads_to_the_weights(browser, live_server, users):
    specification = _specification(users)
    page = signed_in_page(browser, live_server, users[Role.COMMISSIONER])
    page.goto(reverse("specifications:criteria_edit", kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk}))
    criterion = page.get_by_role("group", name="Criterion 1")
    criterion.get_by_label("Criterion").fill("Working with people")
    criterion.get_by_label("Weight (out of 100)").fill("60")
    page.get_by_role("button", name="Save the criteria").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    page.locator(".govuk-error-summary").get_by_role("link", name="The weights must add up to 100. They add up to 60").click()
    assert page.evaluate("document.activeElement.id") == "id_form-0-weight"
    assert page.get_by_role("group", name="Criterion 1").get_by_label("Criterion").input_value() == "Working with people"
    assert axe_violations(page) == []
    assert page.console_errors == []
