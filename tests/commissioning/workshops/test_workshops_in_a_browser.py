"""Workshops in real Chromium: forms in their error state pass axe, and a person replies
without JavaScript."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from commissioning.workshops.models import Invitation
from tests.commissioning.workshops.factories import InvitationFactory
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_workshops_event_form_with_errors_passes_axe(browser, live_server, commissioner, programme):
    page = signed_in_page(browser, live_server, commissioner)
    page.goto(reverse("workshops:workshop_add", kwargs={"programme_id": programme.pk}))
    page.get_by_label("Name of the event").fill("Tea and a chat")
    page.get_by_label("Online").check()
    page.get_by_label("Start time").fill("3pm")
    page.get_by_label("End time").fill("2pm")
    page.get_by_role("button", name="Save the event").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="The end time must be after the start time")).to_be_visible()
    expect(summary.get_by_role("link", name="Enter how to join the event online")).to_be_visible()
    assert page.get_by_label("Name of the event").input_value() == "Tea and a chat"
    assert axe_violations(page) == []


def test_a_person_replies_to_a_workshops_invitation_without_javascript(browser, live_server, person, workshop, person_member):
    InvitationFactory(workshop=workshop, member=person_member)
    page = signed_in_page(browser, live_server, person, javascript=False)
    page.goto(reverse("workshops:my_invitations"))
    page.get_by_role("link", name=workshop.title).click()
    page.get_by_role("link", name="Reply to the invitation").click()
    page.get_by_role("button", name="Send your reply").click()  # nothing chosen
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    page.get_by_label("Yes, I'm coming").check()
    page.get_by_label("A quiet space").check()
    page.get_by_label("Anything else we should know? (optional)").fill("I use a wheelchair.")
    page.get_by_role("button", name="Send your reply").click()
    expect(page.get_by_text("Your reply has been sent to the organisers")).to_be_visible()
    invitation = Invitation.objects.get(member=person_member)
    assert (invitation.reply, invitation.access_needs) == ("coming", ["quiet_space"])


def test_the_workshops_reply_form_with_errors_passes_axe(browser, live_server, person, workshop, person_member):
    InvitationFactory(workshop=workshop, member=person_member)
    page = signed_in_page(browser, live_server, person)
    page.goto(reverse("workshops:reply", kwargs={"programme_id": workshop.programme_id, "workshop_id": workshop.pk}))
    page.get_by_label("Easy Read materials").check()
    page.get_by_role("button", name="Send your reply").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    assert page.get_by_label("Easy Read materials").is_checked()
    assert axe_violations(page) == []
    assert page.console_errors == []
