"""Peer research records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py and the specifications world.

world["research_project"]: peer research in world["programme"], with an interview recorded by the
PERSON user and a finding citing world["specification"]'s outcomes section, put in the Working
Together for Change theme world["wtfc_theme"] and named by world["priority"] as evidence.
world["research_finding"]: that finding."""

import datetime

from commissioning.research import services
from coproduction.accounts.models import Role


def build_research_world(world: dict) -> dict:
    users = world["users"]
    project = services.project_create(programme=world["programme"], title="What makes a good day", purpose="Hear from people first.",
                                      by=users[Role.COMMISSIONER])
    interview = services.interview_record(project=project, held_on=datetime.date(2026, 5, 4), consent_given=True,
                                          words="Seeing my friends. Buses on Saturdays would make it even better.", by=users[Role.PERSON])
    place = (world["specification"].pk, "outcomes")
    finding = services.finding_add(project=project, theme="Getting out and about", i_statement="I can get where I want to go",
                         summary="Transport decides whether people can take part.", interviews=[interview], citations=[place],
                         allowed_citations={place: f"{world['specification'].title}: Outcomes"}, by=users[Role.PERSON])
    services.finding_theme_set(finding=finding, theme=world["wtfc_theme"], by=users[Role.PERSON])
    services.priority_findings_set(priority=world["priority"], findings=[finding], by=users[Role.PERSON])
    return {"research_project": project, "research_finding": finding}
