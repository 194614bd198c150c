"""A small campaign for the recruitment tests: a programme whose group has the PERSON and CARER
users, a campaign chaired by the TEAM_MANAGER user, and its panel."""

import datetime

import pytest

from commissioning.models import GroupMember, MemberRole
from commissioning.recruitment import services
from commissioning.recruitment.models import CampaignMember
from coproduction.accounts.models import Role
from tests.commissioning.factories import ProgrammeFactory
from tests.commissioning.recruitment.pages import NAMES, R


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(lead=commissioner)
    GroupMember.objects.create(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMember.objects.create(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


@pytest.fixture
def campaign(programme, team_manager):
    return services.campaign_create(programme=programme, by=team_manager, data={
        "post": "Social worker", "team": "North Adults Team", "closing_date": datetime.date.today() + datetime.timedelta(days=14),
        "about": "Works alongside adults so they live the life they choose.",
    })


@pytest.fixture
def panel(campaign, users):
    made = {
        who: services.member_add(campaign=campaign, user=users[who], role=role, by=users[Role.TEAM_MANAGER])
        for who, role in ((Role.PERSON, R.LIVED_EXPERIENCE), (Role.CARER, R.CARER), (Role.ADMINISTRATOR, R.HR_OFFICER),
                          (Role.HEAD_OF_SERVICE, R.APPOINTING_MANAGER))
    }
    made[Role.TEAM_MANAGER] = CampaignMember.objects.get(campaign=campaign, role=R.CHAIR)
    return made


@pytest.fixture
def agreed(campaign, panel, users):
    """Two values each with a question, agreed; two candidates added by the HR officer."""
    values = [services.value_propose(campaign=campaign, title=title, meaning="What it looks like.", by=users[Role.PERSON])
              for title in ("Listens", "Keeps promises")]
    questions = [services.question_propose(campaign=campaign, value=value, text=f"Tell us about {value.title}.", by=users[Role.CARER])
                 for value in values]
    services.values_agree(campaign=campaign, value_ids=[v.pk for v in values], question_ids=[q.pk for q in questions],
                          by=users[Role.TEAM_MANAGER])
    campaign.refresh_from_db()
    candidates = [services.candidate_add(campaign=campaign, name=name, by=users[Role.ADMINISTRATOR]) for name in NAMES]
    return {"values": values, "questions": questions, "candidates": candidates}
