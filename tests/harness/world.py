"""The records the authorization matrix and the accessibility test point at."""

from django.core.files.base import ContentFile
from django.utils import timezone

from coproduction.accounts.models import Role
from coproduction.reports.models import ReportJob
from tests.assets.world import build_assets_world
from tests.budgeting.world import build_budgeting_world
from tests.careplans.factories import (
    CarePlanFactory,
    PersonFactory,
    RepresentativeFactory,
)
from tests.checklist.factories import (
    ChecklistFactory,
    GoalFactory,
    SharedStoryFactory,
    SurveyRoundFactory,
    submitted_checklist,
)
from tests.coassessment.world import build_coassessment_world
from tests.commissioning.world import build_commissioning_world
from tests.governance.world_consent import build_consent_world
from tests.governance.world_retention import build_retention_world
from tests.governance.world_sar import build_sar_world
from tests.involvement.world import build_involvement_world
from tests.monitoring.world import build_monitoring_world
from tests.notifications.world import build_notifications_world
from tests.panels.world import build_panels_world
from tests.priorities.world import build_priorities_world
from tests.reports.factories import ReportJobFactory
from tests.specifications.world import build_specifications_world
from tests.workshops.world import build_workshops_world


def build_world(users: dict, team, other_team) -> dict:
    job = ReportJobFactory(requested_by=users[Role.PERSON], status=ReportJob.Status.DONE, page_count=2)
    job.file.save(f"reports/{job.pk}.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    person = PersonFactory(user=users[Role.PERSON], team=team, practitioner=users[Role.PRACTITIONER])
    representative = RepresentativeFactory(person=person, user=users[Role.CARER], recorded_by=users[Role.PRACTITIONER])
    withdrawn_person = PersonFactory(team=team)
    RepresentativeFactory(
        person=withdrawn_person, user=users[Role.CARER], recorded_by=users[Role.PRACTITIONER],
        withdrawn_on=timezone.now(), withdrawn_by=users[Role.PRACTITIONER],
    )
    # Version 1 agreed, version 2 a draft: every plan page has something to show.
    CarePlanFactory(person=person, version=1, status="agreed", created_by=users[Role.PRACTITIONER])
    CarePlanFactory(person=person, version=2, status="draft", created_by=users[Role.PRACTITIONER])
    plan = person.plans.get(version=1)
    sent = submitted_checklist(person=person, team=team, plan=plan, practitioner=users[Role.PRACTITIONER], comment="We wrote it at my kitchen table.")
    world = {
        "team": team,
        "draft_checklist": ChecklistFactory(person=person, team=team, entered_by=users[Role.PERSON]),
        "sent_checklist": sent,
        "reflection": submitted_checklist(
            person=person, perspective="practitioner", team=team, plan=plan, practitioner=users[Role.PRACTITIONER]
        ),
        "story": SharedStoryFactory(rating=sent.ratings.first(), team=team, chosen_by=users[Role.TEAM_MANAGER]),
        "goal": GoalFactory(team=team, agreed_by=users[Role.TEAM_MANAGER]),
        "survey_round": SurveyRoundFactory(team=team, created_by=users[Role.TEAM_MANAGER]),
        "users": users,
        "person_job": job,
        "person": person,
        "representative": representative,
        "withdrawn_person": withdrawn_person,
        "other_team_person": PersonFactory(team=other_team),
    }
    # Commissioning: each app adds its records, later ones building on earlier ones.
    for build in (
        build_commissioning_world, build_priorities_world, build_specifications_world,
        build_workshops_world, build_budgeting_world,
        build_involvement_world, build_panels_world, build_assets_world, build_monitoring_world, build_coassessment_world,
        build_sar_world, build_consent_world, build_retention_world, build_notifications_world,
    ):
        world.update(build(world))
    return world
