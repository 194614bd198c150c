"""Recruitment records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py.

world["campaign"]: a campaign in world["programme"], chaired by the TEAM_MANAGER user, with the
PERSON user (lived experience), the CARER user, the ADMINISTRATOR user as HR officer and the
HEAD_OF_SERVICE user as appointing manager. Its values and questions are agreed; candidate C1
(world["candidate"]) is scored by the PERSON user and the chair and moderated; C2
(world["unscored_candidate"]) is not scored yet. world["preparing_campaign"]: the same panel,
still agreeing its values; world["post_value"] is one of them."""

import datetime

from commissioning.recruitment import services
from commissioning.recruitment.models import CampaignMember
from coproduction.accounts.models import Role

CANDIDATE_NAMES = ("Jordan Quillfeather", "Sasha Brightwater")


def _panel(campaign, users, chair) -> dict:
    role = CampaignMember.Role
    return {
        who: services.member_add(campaign=campaign, user=users[who], role=place, by=chair)
        for who, place in ((Role.PERSON, role.LIVED_EXPERIENCE), (Role.CARER, role.CARER), (Role.ADMINISTRATOR, role.HR_OFFICER),
                           (Role.HEAD_OF_SERVICE, role.APPOINTING_MANAGER))
    }


def build_recruitment_world(world: dict) -> dict:
    users = world["users"]
    chair, hr = users[Role.TEAM_MANAGER], users[Role.ADMINISTRATOR]
    data = {"post": "Social worker", "team": "North Adults Team", "closing_date": datetime.date(2026, 11, 30),
            "about": "Works alongside adults and their families so they live the life they choose."}
    campaign = services.campaign_create(programme=world["programme"], data=data, by=chair)
    members = _panel(campaign, users, chair)
    value = services.value_propose(campaign=campaign, title="Listens", meaning="Hears what matters and acts on it.", by=users[Role.PERSON])
    question = services.question_propose(campaign=campaign, value=value, text="Tell us about a time you changed a plan because someone asked.", by=users[Role.CARER])
    services.comment_add(value=value, text="Plain words, please.", by=users[Role.CARER])
    services.values_agree(campaign=campaign, value_ids=[value.pk], question_ids=[question.pk], by=chair)
    campaign.refresh_from_db()
    first, second = (services.candidate_add(campaign=campaign, name=name, by=hr) for name in CANDIDATE_NAMES)
    chair_member = CampaignMember.objects.get(campaign=campaign, user=chair)
    for member in (members[Role.PERSON], chair_member):
        services.conflicts_declare(member=member, known={}, by=member.user)
        member.refresh_from_db()
        services.scores_submit(member=member, candidate=first, entered={value.pk: (3, "A clear example.")}, by=member.user)
    services.moderation_record(member=chair_member, candidate=first, entered={value.pk: (3, "We agreed.")}, by=chair)
    preparing = services.campaign_create(programme=world["programme"], data={**data, "post": "Occupational therapist"}, by=chair)
    _panel(preparing, users, chair)
    post_value = services.value_propose(campaign=preparing, title="Patient", meaning="Gives people time.", by=users[Role.PERSON])
    services.question_propose(campaign=preparing, value=post_value, text="How do you make time for someone?", by=users[Role.PERSON])
    return {"campaign": campaign, "candidate": first, "unscored_candidate": second, "preparing_campaign": preparing,
            "post_value": post_value, "campaign_value": value}
