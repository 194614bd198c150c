"""Query budgets for the contract, meeting and visit pages, the same after the data grows tenfold."""

import datetime

from django.urls import reverse

from commissioning.monitoring import services
from commissioning.monitoring.models import MeetingMember
from tests.commissioning.monitoring.factories import (
    ActionFactory,
    MeetingMemberFactory,
    MeetingPaperFactory,
    MonitoringMeetingFactory,
    QualityCharacteristicFactory,
    QualityVisitFactory,
)
from tests.commissioning.priorities.factories import IndicatorFactory, OutcomeFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as
from tests.harness.queries import assert_fixed_queries

QUARTERS = [datetime.date(2026, month, 1) for month in (4, 7, 10)] + [datetime.date(2027, month, 1) for month in (1, 4, 7, 10)]


def _grow_contract(contract, commissioner, provider, times, quarter_index):
    for _ in range(times):
        indicator = IndicatorFactory(outcome=OutcomeFactory(programme=contract.programme))
        contract.indicators.add(indicator)
        meeting = MonitoringMeetingFactory(contract=contract)
        MeetingMemberFactory(meeting=meeting)
        ActionFactory(meeting=meeting)
        QualityVisitFactory(contract=contract, status="reviewed")
    indicators = list(contract.indicators.all())
    services.return_save(contract=contract, period=QUARTERS[quarter_index], submit=True, by=provider,
                         figures={indicator: (n, "Said something") for n, indicator in enumerate(indicators)})


def test_the_contract_page_costs_the_same_with_ten_times_the_meetings_visits_and_figures(client, commissioner, provider, person, contract):
    _grow_contract(contract, commissioner, provider, 1, 0)
    login_as(client, provider)
    url = reverse("monitoring:contract_detail", kwargs={"programme_id": contract.programme_id, "contract_id": contract.pk})
    grown = iter(range(1, 7))
    # (one of them: any alliance delivering the contract, from the contract panels other apps add)
    assert_fixed_queries(lambda: client.get(url), budget=15, grow=lambda: _grow_contract(contract, commissioner, provider, 10, next(grown)))


def _grow_meeting(meeting, indicators_owner, times):
    contract = meeting.contract
    for _ in range(times):
        indicator = IndicatorFactory(outcome=OutcomeFactory(programme=contract.programme))
        contract.indicators.add(indicator)
        services.indicator_report_save(meeting=meeting, indicator=indicator, data={"figure": "12", "representatives_view": "Fine"}, by=indicators_owner)
        MeetingMemberFactory(meeting=meeting, user=UserFactory(roles=["carer"]), role=MeetingMember.Role.CARER_REPRESENTATIVE)
        MeetingPaperFactory(meeting=meeting)
        ActionFactory(meeting=meeting)


def test_the_meeting_page_costs_the_same_with_ten_times_the_members_papers_and_figures(client, commissioner, meeting):
    _grow_meeting(meeting, commissioner, 1)
    login_as(client, commissioner)
    url = reverse("monitoring:meeting_detail", kwargs={"programme_id": meeting.contract.programme_id, "contract_id": meeting.contract_id, "meeting_id": meeting.pk})
    # The members' access needs are read in one query and their reads audited in one insert.
    assert_fixed_queries(lambda: client.get(url), budget=12, grow=lambda: _grow_meeting(meeting, commissioner, 10))


def test_the_papers_pack_costs_the_same_with_ten_times_the_papers(client, commissioner, person, meeting):
    _grow_meeting(meeting, commissioner, 1)
    login_as(client, person)
    url = reverse("monitoring:papers_pack", kwargs={"programme_id": meeting.contract.programme_id, "contract_id": meeting.contract_id, "meeting_id": meeting.pk})
    assert_fixed_queries(lambda: client.get(url), budget=9, grow=lambda: _grow_meeting(meeting, commissioner, 10))


def _grow_visit(visit, assessor, times):
    characteristics = [QualityCharacteristicFactory(framework=visit.framework) for _ in range(times)]
    services.findings_save(visit=visit, visited_on=datetime.date(2026, 6, 1), summary="", submit=False, by=assessor,
                           findings={c: (3, "Seen") for c in visit.framework.characteristics.all()})
    visit.assessors.add(*[UserFactory(roles=["quality_assessor"]) for _ in range(times)])
    return characteristics


def test_the_visit_page_costs_the_same_with_ten_times_the_characteristics_and_findings(client, quality_assessor, visit):
    _grow_visit(visit, quality_assessor, 1)
    login_as(client, quality_assessor)
    url = reverse("monitoring:visit_detail", kwargs={"programme_id": visit.contract.programme_id, "contract_id": visit.contract_id, "visit_id": visit.pk})
    assert_fixed_queries(lambda: client.get(url), budget=9, grow=lambda: _grow_visit(visit, quality_assessor, 10))


def test_the_findings_form_costs_the_same_with_ten_times_the_characteristics(client, quality_assessor, visit):
    _grow_visit(visit, quality_assessor, 1)
    login_as(client, quality_assessor)
    url = reverse("monitoring:visit_findings", kwargs={"programme_id": visit.contract.programme_id, "contract_id": visit.contract_id, "visit_id": visit.pk})
    assert_fixed_queries(lambda: client.get(url), budget=6, grow=lambda: _grow_visit(visit, quality_assessor, 10))
