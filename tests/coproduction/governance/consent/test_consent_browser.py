"""A person withdraws their carer's access in real Chromium, without JavaScript; a member of
staff who forgets to say how they were told is shown why, and every step passes axe."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from coproduction.people.models import Representative
from coproduction.governance.consent.services import give_consent
from coproduction.governance.models import Consent
from tests.careplans.factories import PersonFactory, RepresentativeFactory
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_withdraws_a_consent_from_their_own_list(browser, live_server, person, carer, practitioner, team):
    al = PersonFactory(user=person, team=team, preferred_name="Al")
    representative = RepresentativeFactory(person=al, user=carer, name="Maureen Marsh", recorded_by=practitioner)
    give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=practitioner, representative=representative, given_by="person")

    page = signed_in_page(browser, live_server, person, javascript=False)
    page.goto(reverse("governance:my_consents"))
    assert "Maureen Marsh" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Withdraw consent: a representative may see their plan").click()
    assert "Maureen Marsh will no longer be able to see the plan" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Withdraw consent").click()
    assert "It has stopped everywhere it was used" in page.locator("main").inner_text()
    assert Representative.objects.get(pk=representative.pk).withdrawn_on is not None


def test_staff_are_asked_how_they_were_told(browser, live_server, practitioner, team):
    someone = PersonFactory(team=team, full_name="Edith Clarke")
    give_consent(purpose=Consent.Purpose.REVIEW_STATEMENTS, by=practitioner, person=someone, given_by="person")
    page = signed_in_page(browser, live_server, practitioner, javascript=False)
    page.goto(reverse("governance:consent_register", kwargs={"person_id": someone.pk}))
    page.get_by_role("link", name="Withdraw consent").click()
    page.get_by_role("button", name="Withdraw consent").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    assert axe_violations(page) == []
    page.locator(".govuk-error-summary").get_by_role("link").click()
    page.get_by_label("How did they tell you, and why?").fill("Phoned on Monday to say no")
    page.get_by_role("button", name="Withdraw consent").click()
    someone.refresh_from_db()
    assert someone.review_statements_opt_out is True
    assert "Phoned on Monday to say no" in page.locator("main").inner_text()
