import pytest

from commissioning.models import MemberRole
from coproduction.accounts.models import Role
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory


@pytest.fixture
def programme(users):
    """Members only: the PERSON and CARER users are in the group; the COMMISSIONER user leads it."""
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=programme, user=users[Role.PERSON], member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=users[Role.CARER], member_role=MemberRole.CARER)
    return programme
