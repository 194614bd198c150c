"""Working Together for Change in real Chromium: dragging a statement onto a theme puts it there
(htmx swaps the board), and the same board works with the plain form without JavaScript."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from commissioning.coassessment.models import WtfcStatement
from commissioning.models import MemberRole
from coproduction.accounts.models import Role
from tests.commissioning.coassessment.factories import (
    WtfcExerciseFactory,
    WtfcStatementFactory,
    WtfcThemeFactory,
)
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _board(users):
    programme = ProgrammeFactory(lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=programme, user=users[Role.PERSON], member_role=MemberRole.LIVED_EXPERIENCE)
    exercise = WtfcExerciseFactory(programme=programme, created_by=users[Role.COMMISSIONER])
    theme = WtfcThemeFactory(exercise=exercise, name="Transport")
    statement = WtfcStatementFactory(exercise=exercise, text="The minibus is always late")
    WtfcStatementFactory(exercise=exercise, text="Nothing to do on Sundays")
    url = reverse("coassessment:wtfc_detail", kwargs={"programme_id": programme.pk, "exercise_id": exercise.pk})
    return url, theme, statement


def test_dragging_a_statement_onto_a_theme_puts_it_there(browser, live_server, users):
    url, theme, statement = _board(users)
    page = signed_in_page(browser, live_server, users[Role.PERSON])
    page.goto(url)
    page.locator(f"#statement-{statement.pk}").drag_to(page.locator(f'.app-wtfc-theme[data-theme="{theme.pk}"]'))
    expect(page.locator(f"#statement-{statement.pk}")).to_have_count(0)
    expect(page.locator(f'.app-wtfc-theme[data-theme="{theme.pk}"]')).to_contain_text("1 statement")
    assert WtfcStatement.objects.get(pk=statement.pk).theme_id == theme.pk
    assert axe_violations(page) == [] and page.console_errors == []


def test_choosing_a_theme_works_without_javascript(browser, live_server, users):
    url, theme, statement = _board(users)
    page = signed_in_page(browser, live_server, users[Role.PERSON], javascript=False)
    page.goto(url)
    card = page.locator(f"#statement-{statement.pk}")
    card.get_by_label("Theme").select_option(label="Transport")
    card.get_by_role("button", name="Move").click()
    expect(page.get_by_text("Moved to “Transport”")).to_be_visible()
    assert WtfcStatement.objects.get(pk=statement.pk).theme_id == theme.pk
