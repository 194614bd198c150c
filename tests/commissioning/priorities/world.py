"""Priorities records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py (world["programme"] and friends).

world["priority"]: suggested by the PERSON user, supported and commented on by the CARER user,
and on the agreed shortlist. world["priority_outcome"]: in the framework, with world["priority_indicator"].
world["priority_story"]: the PERSON user's own story, with consent; world["priority_evidence"]
(local data recorded by the COMMISSIONER user) has a PDF file."""

from django.core.files.base import ContentFile
from django.utils import timezone

from commissioning.priorities import services
from commissioning.priorities.models import Priority
from coproduction.accounts.models import Role
from tests.commissioning.priorities.factories import EvidenceFactory, PriorityFactory, StoryFactory


def build_priorities_world(world: dict) -> dict:
    users, programme = world["users"], world["programme"]
    person, carer, commissioner = users[Role.PERSON], users[Role.CARER], users[Role.COMMISSIONER]
    priority = PriorityFactory(programme=programme, proposed_by=person, title="More to do at weekends")
    desired = PriorityFactory(
        programme=programme, proposed_by=carer, kind=Priority.Kind.OUTCOME, title="I have things to do that I enjoy, near where I live"
    )
    services.priority_support(priority=priority, member=carer)
    services.priority_comment_add(priority=priority, by=carer, text="Saturdays especially.")
    services.shortlist_agree(
        programme=programme, ranked=[priority, desired], decided_by="The co-production group",
        decided_on=timezone.localdate(), by=commissioner,
    )
    outcome = services.outcome_create(programme=programme, title="I can get there and back safely and on time")
    indicator = services.indicator_create(
        outcome=outcome, name="Journeys on time", how_measured="Transport log, each month", who_measures="The transport provider"
    )
    services.outcome_comment_add(outcome=outcome, by=person, text="Drivers who know us, please.")
    story = StoryFactory(programme=programme, recorded_by=person, teller=person, title="Saturday at home")
    story.priorities.add(priority)
    data = EvidenceFactory(programme=programme, recorded_by=commissioner, file_type="pdf", title="Day services census")
    data.file.save("census.pdf", ContentFile(b"%PDF-1.7\n%demo\n"), save=True)
    return {
        "priority": priority,
        "priority_outcome": outcome,
        "priority_indicator": indicator,
        "priority_story": story,
        "priority_evidence": data,
    }
