"""Monitoring in real Chromium: an assessor reports without JavaScript; a representative agrees the minutes."""

import re
import datetime

import pytest
from playwright.sync_api import expect
from django.urls import reverse

from commissioning.models import MemberRole
from commissioning.monitoring import services
from commissioning.monitoring.models import MeetingMember, QualityVisit
from coproduction.accounts.models import Role
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.commissioning.monitoring.factories import ProviderFactory
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _contract(users):
    commissioner = users[Role.COMMISSIONER]
    programme = ProgrammeFactory(lead=commissioner)
    GroupMemberFactory(programme=programme, user=users[Role.PERSON], member_role=MemberRole.LIVED_EXPERIENCE)
    return services.contract_create(programme=programme, indicators=[], by=commissioner, data={
        "provider": ProviderFactory(), "service_name": "Riverside day service", "description": "",
        "starts_on": datetime.date(2026, 4, 1), "ends_on": datetime.date(2029, 3, 31), "value": 1000})


def test_an_assessor_sends_a_report_without_javascript_and_errors_lead_to_the_fields(browser, live_server, users):
    commissioner, assessor = users[Role.COMMISSIONER], users[Role.QUALITY_ASSESSOR]
    contract = _contract(users)
    framework = services.framework_save(programme=contract.programme, framework=None, informed_by=[], by=commissioner,
                                        data={"title": "Good day services", "how_it_was_made": "Workshops."})
    services.characteristic_save(framework=framework, characteristic=None, by=commissioner,
                                 data={"title": "People help run the service", "what_good_looks_like": "People choose.", "what_to_look_for": "A meeting."})
    visit = services.visit_assign(contract=contract, framework=framework, method="announced_visit", planned_on=datetime.date(2026, 6, 1),
                                  brief="", assessors=[assessor], by=commissioner)
    page = signed_in_page(browser, live_server, assessor, javascript=False)
    page.goto(reverse("monitoring:visit_findings", kwargs={"programme_id": contract.programme_id, "contract_id": contract.pk, "visit_id": visit.pk}))
    page.get_by_label("What you saw and heard").fill("People voted for the next trip with stickers.")
    page.get_by_role("button", name="Send the report to the commissioners").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # waits for the page to load
    assert axe_violations(page) == []
    expect(page.get_by_label("What you saw and heard")).to_have_value("People voted for the next trip with stickers.")
    page.get_by_role("link", name="Select a rating for “People help run the service”, or remove what you wrote").click()
    page.get_by_role("radio", name="Really good").check()
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("6")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Send the report to the commissioners").click()
    expect(page.get_by_text("Report sent to the commissioners. Thank you.")).to_be_visible()
    visit.refresh_from_db()
    assert visit.status == QualityVisit.Status.SUBMITTED


def test_a_representative_agrees_the_minutes(browser, live_server, users):
    commissioner, person = users[Role.COMMISSIONER], users[Role.PERSON]
    contract = _contract(users)
    meeting = services.meeting_create(contract=contract, by=commissioner, data={
        "title": "Monitoring meeting", "date": datetime.date(2026, 7, 14), "starts_at": datetime.time(10), "place": "Mill Lane",
        "agenda": "", "agenda_easy_read": ""})
    services.member_add(meeting=meeting, user=person, role=MeetingMember.Role.USER_REPRESENTATIVE, by=commissioner)
    services.minutes_put_forward(meeting=meeting, minutes="We agreed Saturday trips.", by=commissioner)
    page = signed_in_page(browser, live_server, person)
    page.goto(reverse("monitoring:meeting_detail", kwargs={"programme_id": contract.programme_id, "contract_id": contract.pk, "meeting_id": meeting.pk}))
    page.get_by_role("button", name="I agree these minutes").click()
    expect(page.get_by_text("You agreed these minutes on")).to_be_visible()
    expect(page.get_by_text("Agreed by 1 of 2 members")).to_be_visible()
    assert page.console_errors == []
