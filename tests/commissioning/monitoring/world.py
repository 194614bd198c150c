"""monitoring records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py and tests/commissioning/priorities/world.py.

world["monitored_contract"]: in world["programme"], held by world["provider_org"], the PROVIDER user's
organisation, reporting on world["priority_indicator"], with a sent return.
world["other_provider_contract"]: in world["programme"], held by another provider.
world["meeting"]: on world["monitored_contract"]; members: the COMMISSIONER (chair), the PERSON (user
representative) and the PROVIDER user; a written paper and an uploaded PDF (world["paper"]),
an indicator figure, an action owned by the PROVIDER user, minutes put forward.
world["framework"]: in world["programme"], with world["characteristic"], reported against;
world["draft_framework"] with world["draft_characteristic"]: not used yet.
world["visit"]: reviewed, by the QUALITY_ASSESSOR user; world["open_visit"]: assigned to the
QUALITY_ASSESSOR user, not yet reported; world["submitted_visit"]: reported, not yet reviewed; world["unassigned_visit"]: another assessor's, open."""

import datetime

from django.core.files.base import ContentFile

from commissioning.monitoring import services
from commissioning.monitoring.models import MeetingMember, VisitMethod
from coproduction.accounts.models import Role
from tests.commissioning.monitoring.factories import ProviderFactory
from tests.coproduction.accounts.factories import UserFactory


def build_monitoring_world(world: dict) -> dict:
    users, programme = world["users"], world["programme"]
    commissioner, person, provider, assessor = users[Role.COMMISSIONER], users[Role.PERSON], users[Role.PROVIDER], users[Role.QUALITY_ASSESSOR]
    provider_org = ProviderFactory(name="Riverside Test Support Ltd")
    provider.organisation = provider_org
    provider.save(update_fields=["organisation"])
    indicator = world["priority_indicator"]
    data = {"provider": provider_org, "service_name": "Riverside day service", "description": "Days out and clubs.",
            "starts_on": datetime.date(2026, 4, 1), "ends_on": datetime.date(2029, 3, 31), "value": 450000}
    contract = services.contract_create(programme=programme, data=data, indicators=[indicator], by=commissioner)
    other = services.contract_create(programme=programme, data={**data, "provider": ProviderFactory(name="Hilltop Care Ltd"),
                                                                 "service_name": "Hilltop day service"}, indicators=[], by=commissioner)
    services.return_save(contract=contract, period=datetime.date(2026, 4, 1), figures={indicator: (42, "On time nearly always.")},
                         submit=True, by=provider)
    meeting = services.meeting_create(contract=contract, by=commissioner, data={
        "title": "Monitoring meeting, July 2026", "date": datetime.date(2026, 7, 14), "starts_at": datetime.time(10),
        "place": "Riverside Community Centre", "agenda": "1. Figures\n2. What people say", "agenda_easy_read": "We will talk about the numbers.",
    })
    services.member_add(meeting=meeting, user=person, role=MeetingMember.Role.USER_REPRESENTATIVE, by=commissioner)
    services.member_add(meeting=meeting, user=provider, role=MeetingMember.Role.PROVIDER, by=commissioner)
    services.paper_add(meeting=meeting, title="The provider's report", text="We ran 40 trips.", easy_read_text="We went on 40 trips.", by=commissioner)
    paper = services.paper_add(meeting=meeting, title="Budget", text="", easy_read_text="",
                               file=ContentFile(b"%PDF-1.7\n%budget\n", name="budget.pdf"), file_type="pdf", by=commissioner)
    services.indicator_report_save(meeting=meeting, indicator=indicator, data={"figure": "42 journeys", "representatives_view": "Good."}, by=commissioner)
    action = services.action_add(contract=contract, meeting=meeting, description="Share the bus timetable", owner=provider,
                                 due_on=datetime.date(2026, 9, 1), by=commissioner)
    services.minutes_put_forward(meeting=meeting, minutes="We looked at the figures.", by=commissioner)
    framework = services.framework_save(programme=programme, framework=None, informed_by=[world["activity"]], by=commissioner,
                                        data={"title": "What good day services look like", "how_it_was_made": "Workshops with people."})
    characteristic = services.characteristic_save(framework=framework, characteristic=None, by=commissioner, data={
        "title": "People help run the service", "what_good_looks_like": "People choose.", "what_to_look_for": "A members' meeting."})

    def visit(assessors, method=VisitMethod.ANNOUNCED):
        return services.visit_assign(contract=contract, framework=framework, method=method, planned_on=datetime.date(2026, 6, 1),
                                     brief="", assessors=assessors, by=commissioner)

    reviewed = visit([assessor])
    services.findings_save(visit=reviewed, visited_on=datetime.date(2026, 6, 1), summary="Friendly.", submit=True, by=assessor,
                           findings={characteristic: (3, "People chose the trip.")})
    services.visit_review(visit=reviewed, notes="Thank you.", by=commissioner)
    open_visit = visit([assessor], VisitMethod.MYSTERY_SHOP)
    submitted = visit([assessor], VisitMethod.PEER_INTERVIEW)
    services.findings_save(visit=submitted, visited_on=datetime.date(2026, 6, 2), summary="", submit=True, by=assessor,
                           findings={characteristic: (2, "Some people were not asked.")})
    unassigned = visit([UserFactory(roles=[Role.QUALITY_ASSESSOR])], VisitMethod.PEER_INTERVIEW)
    # A framework nobody has reported against yet, so its characteristics can still change.
    draft_framework = services.framework_save(programme=programme, framework=None, informed_by=[], by=commissioner,
                                              data={"title": "Draft framework", "how_it_was_made": "Still being written."})
    draft_characteristic = services.characteristic_save(framework=draft_framework, characteristic=None, by=commissioner, data={
        "title": "Family and friends are welcome", "what_good_looks_like": "Carers feel welcome.", "what_to_look_for": "Open days."})
    return {
        "draft_framework": draft_framework,
        "draft_characteristic": draft_characteristic,
        "provider_org": provider_org,
        "monitored_contract": contract,
        "other_provider_contract": other,
        "meeting": meeting,
        "meeting_member": meeting.members.get(user=provider),
        "paper": paper,
        "meeting_action": action,
        "framework": framework,
        "characteristic": characteristic,
        "visit": reviewed,
        "open_visit": open_visit,
        "submitted_visit": submitted,
        "unassigned_visit": unassigned,
    }
