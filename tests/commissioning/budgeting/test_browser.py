"""Voting in real Chromium: the money left shown while choosing, and the same ballot without
JavaScript, checked by the server."""

import re

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from commissioning.budgeting import services
from commissioning.budgeting.models import BallotChoice, Round
from commissioning.models import MemberRole
from coproduction.accounts.models import Role
from tests.commissioning.budgeting.factories import PotFactory, ProposalFactory, RoundFactory
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ballot_url(users, **settings):
    programme = ProgrammeFactory(lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=programme, user=users[Role.PERSON], member_role=MemberRole.LIVED_EXPERIENCE)
    round_ = RoundFactory(programme=programme, phase=Round.Phase.VOTING, **settings)
    pot = PotFactory(round=round_, name="North", amount=10_000)
    ProposalFactory(pot=pot, title="Art club", cost=4_000, easy_read="An art club. It is on Saturdays.")
    ProposalFactory(pot=pot, title="Travel buddies", cost=7_000)
    return round_, reverse("budgeting:ballot", kwargs={"programme_id": programme.pk, "round_id": round_.pk, "pot_id": pot.pk})


def test_the_money_left_is_shown_while_choosing_and_an_over_budget_ballot_is_explained(browser, live_server, users):
    round_, url = _ballot_url(users)
    page = signed_in_page(browser, live_server, users[Role.PERSON])
    page.set_default_timeout(5000)
    page.goto(url)
    page.get_by_label("Art club: £4,000.00").check()
    expect(page.get_by_text("You have chosen 1 idea costing £4,000.00. You have £6,000.00 left to spend.")).to_be_visible()
    page.get_by_label("Travel buddies: £7,000.00").check()
    expect(page.get_by_text("The ideas you chose cost £11,000.00. You can spend up to £10,000.00.")).to_be_visible()
    page.get_by_role("button", name="Send my vote").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    summary = page.locator(".govuk-error-summary")
    summary.get_by_role("link", name="The ideas you chose cost £11,000.00. You can spend up to £10,000.00.").click()
    assert page.evaluate("document.activeElement.name") == "proposals"
    assert page.get_by_label("Art club: £4,000.00").is_checked() and page.get_by_label("Travel buddies: £7,000.00").is_checked()
    assert axe_violations(page) == [] and page.console_errors == []
    page.get_by_label("Travel buddies: £7,000.00").uncheck()
    page.get_by_role("button", name="Send my vote").click()
    expect(page.locator("main")).to_contain_text("Your vote is saved")  # waits for the next page
    assert BallotChoice.objects.get().proposal.title == "Art club"


def test_points_are_shared_out_without_javascript(browser, live_server, users):
    round_, url = _ballot_url(users, ballot_rule=Round.BallotRule.POINTS, points_total=10, points_per_idea=6)
    page = signed_in_page(browser, live_server, users[Role.PERSON], javascript=False)
    page.set_default_timeout(5000)
    page.goto(url)
    # No script: the counter says what the page was sent with, and the server checks the rest.
    expect(page.locator(".app-pb-remaining")).to_have_text("You have 10 points left to give.")
    page.get_by_label("Art club").fill("6")
    page.get_by_label("Travel buddies").fill("5")
    page.get_by_role("button", name="Send my vote").click()
    expect(page.locator(".govuk-error-summary").get_by_text("You have given 11 points. Give no more than 10 points in total")).to_be_visible()
    assert page.get_by_label("Art club").input_value() == "6"
    page.get_by_label("Travel buddies").fill("4")
    page.get_by_role("button", name="Send my vote").click()
    assert sorted(BallotChoice.objects.values_list("points", flat=True)) == [4, 6]
    services.round_move_on(round_=round_, by=users[Role.COMMISSIONER])
    page.goto(url)
    expect(page.get_by_text("Voting has closed.")).to_be_visible()
