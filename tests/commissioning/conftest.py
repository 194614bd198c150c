import pytest

from commissioning.models import MemberRole
from coproduction.accounts.models import Role
from tests.commissioning.factories import GroupMemberFactory, ProgrammeFactory


@pytest.fixture
def programme(users):
    """Members only, led by the commissioner; the person (lived experience) and the carer are in the group."""
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=programme, user=users[Role.PERSON], member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=users[Role.CARER], member_role=MemberRole.CARER)
    return programme


@pytest.fixture
def person_member(programme, users):
    return programme.members.get(user=users[Role.PERSON])
