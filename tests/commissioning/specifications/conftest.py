import pytest

from commissioning.models import MemberRole
from commissioning.specifications import services
from commissioning.specifications.models import SpecificationVersion
from tests.commissioning.factories import (
    ActivityFactory,
    GroupMemberFactory,
    ProgrammeFactory,
)
from tests.commissioning.specifications.factories import SpecificationFactory


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


@pytest.fixture
def activity(programme, commissioner):
    return ActivityFactory(programme=programme, title="Design workshop at the library", recorded_by=commissioner)


@pytest.fixture
def specification(programme, commissioner):
    return SpecificationFactory(programme=programme, title="Day opportunities from 2027", created_by=commissioner)


@pytest.fixture
def draft(specification) -> SpecificationVersion:
    return specification.versions.get()


def published_with_criteria(specification, by, weights=(60, 40)) -> SpecificationVersion:
    version = specification.versions.get(status="draft")
    services.criteria_replace(version=version, by=by, criteria=[
        {"title": f"Criterion {n}", "description": "", "weight": weight} for n, weight in enumerate(weights, start=1)
    ])
    return services.version_publish(version=version, by=by)
