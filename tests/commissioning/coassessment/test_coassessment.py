"""Co-assessment: one page brings the evidence about a service together; the group's outcome
goes in the decisions log and can revise an earlier decision."""

import datetime

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.coassessment.models import CoAssessment
from commissioning.models import ActivityKind, Decision
from commissioning.monitoring.models import Complaint
from tests.commissioning.coassessment.factories import (
    CoAssessmentFactory,
    ContractFactory,
    FocusGroupFactory,
    FocusGroupThemeFactory,
    SurveyFactory,
)
from tests.commissioning.factories import DecisionFactory
from tests.commissioning.monitoring.factories import (
    FindingFactory,
    QualityVisitFactory,
    ReturnFigureFactory,
)
from tests.harness.bad_input import assert_bad_input


def test_a_commissioner_starts_a_co_assessment_with_people_who_use_the_service(client_as, commissioner, programme):
    contract = ContractFactory(programme=programme, created_by=commissioner)
    member = programme.members.get(member_role="lived_experience")
    response = client_as(commissioner).post(reverse("coassessment:co_assessment_add", kwargs={"programme_id": programme.pk}), {
        "title": "First year review", "contract": contract.pk, "participants": [member.pk],
        "looking_at_from_0": "1", "looking_at_from_1": "4", "looking_at_from_2": "2026",
        "looking_at_to_0": "31", "looking_at_to_1": "3", "looking_at_to_2": "2027",
    })
    assert response.status_code == 302
    co_assessment = CoAssessment.objects.get()
    assert co_assessment.activity.kind == ActivityKind.CO_ASSESSMENT
    assert list(co_assessment.activity.participants.all()) == [member]


def test_the_page_brings_together_focus_groups_surveys_and_complaints(client_as, person, commissioner, programme):
    co_assessment = CoAssessmentFactory(programme=programme, created_by=commissioner)
    contract = co_assessment.contract
    group = FocusGroupFactory(programme=programme, contract=contract)
    FocusGroupThemeFactory(focus_group=group, theme="Too few trips out", people_count=6)
    SurveyFactory(programme=programme, contract=contract, status="closed", title="Day service survey 2026")
    for _ in range(6):
        Complaint.objects.create(contract=contract, kind="complaint", theme="reliability", outcome="upheld",
                                 received_on=datetime.date(2026, 8, 1), summary="Private", recorded_by=commissioner)
    ReturnFigureFactory(monitoring_return__contract=contract, indicator__name="People doing what they enjoy each week", value=37)
    visit = QualityVisitFactory(contract=contract, status="reviewed", visited_on=datetime.date(2026, 6, 1))
    FindingFactory(visit=visit, evidence="Staff asked people what they wanted to do after lunch.")
    # A report commissioners have not yet reviewed stays with them.
    unreviewed = QualityVisitFactory(contract=contract, status="submitted", visited_on=datetime.date(2026, 7, 1))
    FindingFactory(visit=unreviewed, evidence="Not yet checked by commissioners.")
    url = reverse("coassessment:co_assessment_detail", kwargs={"programme_id": programme.pk, "co_assessment_id": co_assessment.pk})
    text = BeautifulSoup(client_as(person).get(url).content, "html.parser").get_text(" ", strip=True)
    assert "People doing what they enjoy each week" in text and "Staff asked people what they wanted to do after lunch." in text
    assert "Too few trips out" in text and "Day service survey 2026" in text
    assert "Reliability and timekeeping 6" in text and "Private" not in text
    assert "Not yet checked by commissioners." not in text


def test_the_outcome_goes_in_the_decisions_log_revising_the_procurement_decision(client_as, commissioner, programme):
    co_assessment = CoAssessmentFactory(programme=programme, created_by=commissioner)
    award = DecisionFactory(programme=programme, title="Award the day service contract", recorded_by=commissioner)
    url = reverse("coassessment:co_assessment_decide", kwargs={"programme_id": programme.pk, "co_assessment_id": co_assessment.pk})
    client = client_as(commissioner)
    data = {"findings": "People want weekend sessions.", "change_needed": "some", "what_change": "Open on Saturdays",
            "decision_title": "Change the day service", "decided_by": "The co-assessment group", "revises": award.pk, "reason": ""}
    assert_bad_input(client, url, data, errors=["Enter why the earlier decision is changing"], kept=["findings", "what_change"],
                     unchanged=lambda: Decision.objects.count())
    assert client.post(url, {**data, "reason": "The co-assessment found people need Saturdays"}).status_code == 302
    co_assessment.refresh_from_db()
    decision = co_assessment.decision
    assert decision.revises == award and decision.revision_reason == "The co-assessment found people need Saturdays"
    assert list(decision.informed_by.all()) == [co_assessment.activity]
    assert "Open on Saturdays" in decision.decision and co_assessment.change_needed == "some"
    assert client.get(url).status_code == 302  # recorded once
