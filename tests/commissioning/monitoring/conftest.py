import datetime

import pytest

from commissioning.models import MemberRole
from commissioning.monitoring import services
from commissioning.monitoring.models import MeetingMember
from coproduction.accounts.models import Role
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.commissioning.monitoring.factories import ProviderFactory
from tests.commissioning.priorities.factories import IndicatorFactory, OutcomeFactory
from tests.coproduction.accounts.factories import UserFactory


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


@pytest.fixture
def provider_org(provider):
    organisation = ProviderFactory(name="Riverside Support Ltd")
    provider.organisation = organisation
    provider.save(update_fields=["organisation"])
    return organisation


@pytest.fixture
def indicators(programme):
    outcome = OutcomeFactory(programme=programme, title="I have things to do that I enjoy")
    return [
        IndicatorFactory(outcome=outcome, name="Trips each month", how_measured="A count from the provider's log", position=1),
        IndicatorFactory(outcome=outcome, name="People who say they chose what they did",
                         how_measured="Peer interviews: what people say matters", position=2),
    ]


def contract_data(provider_org, **extra) -> dict:
    return {"provider": provider_org, "service_name": "Riverside day service", "description": "", "starts_on": datetime.date(2026, 4, 1),
            "ends_on": datetime.date(2029, 3, 31), "value": 450000, **extra}


@pytest.fixture
def contract(programme, provider_org, indicators, commissioner):
    return services.contract_create(programme=programme, data=contract_data(provider_org), indicators=indicators, by=commissioner)


@pytest.fixture
def meeting(contract, commissioner, person, provider):
    meeting = services.meeting_create(contract=contract, by=commissioner, data={
        "title": "Monitoring meeting, July 2026", "date": datetime.date(2026, 7, 14), "starts_at": datetime.time(10),
        "place": "Riverside Community Centre", "agenda": "1. The figures\n2. What people say",
        "agenda_easy_read": "We will look at the numbers together.",
    })
    services.member_add(meeting=meeting, user=person, role=MeetingMember.Role.USER_REPRESENTATIVE, by=commissioner)
    services.member_add(meeting=meeting, user=provider, role=MeetingMember.Role.PROVIDER, by=commissioner)
    return meeting


@pytest.fixture
def framework(programme, commissioner):
    framework = services.framework_save(programme=programme, framework=None, informed_by=[], by=commissioner,
                                        data={"title": "What good day services look like", "how_it_was_made": "Three workshops."})
    for title in ("People help run the service", "Family and friends are welcome"):
        services.characteristic_save(framework=framework, characteristic=None, by=commissioner,
                                     data={"title": title, "what_good_looks_like": "Good.", "what_to_look_for": "Look."})
    return framework


@pytest.fixture
def visit(contract, framework, commissioner, quality_assessor):
    return services.visit_assign(contract=contract, framework=framework, method="mystery_shop", planned_on=datetime.date(2026, 6, 1),
                                 brief="How people are welcomed.", assessors=[quality_assessor], by=commissioner)


@pytest.fixture
def other_assessor():
    return UserFactory(roles=[Role.QUALITY_ASSESSOR], full_name="Olu Adeyemi")
