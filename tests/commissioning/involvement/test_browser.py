"""A person keeps their own involvement profile in real Chromium, without JavaScript: a mistake
is explained, nothing they chose is lost, and every step passes axe."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from commissioning.involvement.models import InvolvementProfile
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_fixes_a_mistake_in_their_profile_without_losing_their_answers(browser, live_server, person):
    page = signed_in_page(browser, live_server, person, javascript=False)
    page.goto(reverse("involvement:profile_edit"))
    page.get_by_label("Large print").check()
    page.get_by_label("A hearing loop").check()
    page.get_by_label("An interpreter for another language").check()
    page.get_by_role("button", name="Save your profile").click()

    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    summary = page.locator(".govuk-error-summary")
    assert "Enter the language you want an interpreter for" in summary.inner_text()
    assert page.get_by_label("Large print").is_checked() and page.get_by_label("A hearing loop").is_checked()
    assert axe_violations(page) == []
    assert not InvolvementProfile.objects.filter(user=person).exists()

    summary.get_by_role("link", name="Enter the language you want an interpreter for").click()
    page.get_by_label("Which language do you want an interpreter for?").fill("Polish")
    page.get_by_role("button", name="Save your profile").click()

    profile = InvolvementProfile.objects.get(user=person)
    assert profile.preferred_format == "large_print" and profile.interpreter_language == "Polish"
    text = page.locator("main").inner_text()
    assert "Large print" in text and "A hearing loop" in text and "Polish" in text
    assert axe_violations(page) == []
