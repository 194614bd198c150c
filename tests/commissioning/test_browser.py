"""Programme pages in real Chromium: recording co-production and a decision, and revising it,
with the forms' error states passing axe. The pages use no JavaScript of their own."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from commissioning.models import Decision, MemberRole
from coproduction.accounts.models import Role
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_commissioner_records_coproduction_and_a_decision_then_revises_it(browser, live_server, users):
    commissioner, person = users[Role.COMMISSIONER], users[Role.PERSON]
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    page = signed_in_page(browser, live_server, commissioner)
    page.set_default_timeout(5000)
    page.goto(reverse("commissioning:programme_detail", kwargs={"programme_id": programme.pk}))
    page.get_by_role("link", name="Record co-production").click()
    page.get_by_label("Kind of activity").select_option(label="Focus group")
    page.get_by_label("Number of other people who took part").fill("-1")
    page.get_by_role("button", name="Save the activity").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    expect(page.locator(".govuk-error-summary").get_by_role("link", name="Enter a title")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Title").fill("Focus group at the library")
    page.get_by_label(f"{person.full_name} (person with lived experience)").check()
    page.get_by_label("Co-designing: people had real influence on the design").check()
    page.get_by_label("Number of other people who took part").fill("7")
    page.get_by_role("button", name="Save the activity").click()
    expect(page.get_by_text(f"{person.full_name}; and 7 other people")).to_be_visible()

    page.get_by_role("link", name="Decisions", exact=True).click()
    page.get_by_role("link", name="Record a decision").click()
    page.get_by_label("Title").fill("Open at weekends")
    page.get_by_label("What was decided").fill("Open on Saturdays and Sundays")
    page.get_by_label("Who decided").fill("The co-production group")
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2027")
    page.get_by_label("Focus group at the library (planned)").check()
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_role("link", name="Revise this decision").click()
    page.get_by_role("button", name="Record the revised decision").click()  # no reason given
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    assert axe_violations(page) == []
    page.get_by_label("Why is the decision being revised?").fill("Carers asked for evenings too.")
    page.get_by_label("What was decided").fill("Open at weekends and on weekday evenings")
    page.get_by_role("button", name="Record the revised decision").click()
    expect(page.get_by_text("because Carers asked for evenings too.")).to_be_visible()
    assert Decision.objects.filter(revises__isnull=False).count() == 1
    assert axe_violations(page) == []
