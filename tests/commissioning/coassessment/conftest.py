import pytest

from commissioning.models import MemberRole
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme
