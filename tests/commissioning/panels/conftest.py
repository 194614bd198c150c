import pytest
from django.utils import timezone

from commissioning.models import MemberRole
from commissioning.panels import services
from commissioning.panels.models import PanelMember
from commissioning.specifications import services as spec_services
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.commissioning.panels.factories import BidderFactory, PanelMemberFactory
from tests.commissioning.specifications.factories import SpecificationFactory


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


@pytest.fixture
def specification(programme, commissioner):
    """Published version 1 with two criteria (70 and 30) and a written summary."""
    specification = SpecificationFactory(programme=programme, title="Day opportunities from 2027", created_by=commissioner)
    version = specification.versions.get()
    spec_services.section_update(section=version.sections.get(key="background"), text="People want a service provider close to home.",
                                 informed_by=[], by=commissioner)
    spec_services.section_update(section=version.sections.get(key="requirements"), text="Open six days a week, including Saturdays.",
                                 informed_by=[], by=commissioner)
    spec_services.criteria_replace(version=version, by=commissioner, criteria=[
        {"title": "Working with people", "description": "", "weight": 70},
        {"title": "Value for money", "description": "", "weight": 30},
    ])
    spec_services.version_publish(version=version, by=commissioner)
    return specification


@pytest.fixture
def priced_specification(programme, commissioner):
    """Published version 1 with the demo's criteria: working with people 40, quality 30, social
    value 10 and price 20, price scored by its formula."""
    specification = SpecificationFactory(programme=programme, title="Day opportunities with price", created_by=commissioner)
    version = specification.versions.get()
    spec_services.criteria_replace(version=version, by=commissioner, criteria=[
        {"title": "Working with people", "description": "", "weight": 40},
        {"title": "Quality", "description": "", "weight": 30},
        {"title": "Social value", "description": "", "weight": 10},
        {"title": "Price", "description": "", "weight": 20, "scored_on_price": True},
    ])
    spec_services.version_publish(version=version, by=commissioner)
    return specification


@pytest.fixture
def panel(programme, specification, commissioner):
    return services.panel_create(
        programme=programme, specification=specification, chair=commissioner, title="Day opportunities tender panel",
        purpose="To choose who runs day opportunities.", timetable="Scoring in May.", by=commissioner,
    )


@pytest.fixture
def chair(panel):
    return panel.members.get(role=PanelMember.Role.CHAIR)


@pytest.fixture
def lived(panel, person):
    return PanelMemberFactory(panel=panel, user=person, role=PanelMember.Role.LIVED_EXPERIENCE)


@pytest.fixture
def bidders(panel):
    return [BidderFactory(panel=panel, name="Bright Days CIC"), BidderFactory(panel=panel, name="Northside Care Ltd")]


@pytest.fixture
def declared(lived):
    lived.conflicts_declared_at = timezone.now()
    lived.save()
    return lived
