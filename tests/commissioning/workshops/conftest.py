import pytest

from commissioning.models import MemberRole
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory
from tests.commissioning.workshops.factories import WorkshopFactory


@pytest.fixture
def programme(commissioner, person, carer):
    """Members only: the person and the carer are in the group; the commissioner leads it."""
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


@pytest.fixture
def person_member(programme, person):
    return programme.members.get(user=person)


@pytest.fixture
def carer_member(programme, carer):
    return programme.members.get(user=carer)


@pytest.fixture
def workshop(programme, commissioner):
    return WorkshopFactory(programme=programme, title="What makes a good day?", created_by=commissioner)
