"""The records the authorization matrix and the accessibility test point at.

Building this world costs seconds, so the modules that only read it build it once:
`read_only_world` inside a transaction that every test's own rolls back to (for tests that
use the test client in-process), `committed_world` committed for a live server and the
browser, and flushed when the module ends. A test that changes data builds its own."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from coproduction.accounts.models import ProviderGroupMapping, Role
from coproduction.reports.models import ReportJob
from tests.careplans.factories import (
    CarePlanFactory,
    ConversationFactory,
    PersonFactory,
    RepresentativeFactory,
    ReviewFactory,
)
from tests.checklist.factories import (
    ChecklistFactory,
    GoalFactory,
    SharedStoryFactory,
    SurveyRoundFactory,
    submitted_checklist,
)
from tests.checklist.practice_groups.world import build_practice_groups_world
from tests.commissioning.assets.world import build_assets_world
from tests.commissioning.boards.world import build_boards_world
from tests.commissioning.recruitment.world import build_recruitment_world
from tests.commissioning.budgeting.world import build_budgeting_world
from tests.commissioning.coassessment.world import build_coassessment_world
from tests.commissioning.involvement.world import build_involvement_world
from tests.commissioning.monitoring.world import build_monitoring_world
from tests.commissioning.networks.world import build_networks_world
from tests.commissioning.panels.world import build_panels_world
from tests.commissioning.priorities.world import build_priorities_world
from tests.commissioning.research.world import build_research_world
from tests.commissioning.specifications.world import build_specifications_world
from tests.commissioning.training.world import build_training_world
from tests.commissioning.workshops.world import build_workshops_world
from tests.commissioning.world import build_commissioning_world
from tests.coproduction.accounts.factories import OrganisationFactory, TeamFactory, users_for_every_role
from tests.coproduction.casesystem.world import build_casesystem_world
from tests.coproduction.governance.access_review.world import build_access_review_world
from tests.coproduction.governance.consent.world import build_consent_world
from tests.coproduction.governance.retention.world import build_retention_world
from tests.coproduction.governance.sar.world import build_sar_world
from tests.coproduction.notifications.world import build_notifications_world
from tests.coproduction.reports.factories import ReportJobFactory


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
    CarePlanFactory(person=withdrawn_person, version=1, status="draft", created_by=users[Role.PRACTITIONER])
    # Someone who lacks capacity, with the carer involved in their best interests: the carer
    # reads the plan and comments, and the practitioner records their views; they never write it.
    best_interests_person = PersonFactory(team=team, capacity="lacks")
    RepresentativeFactory(
        person=best_interests_person, user=users[Role.CARER], recorded_by=users[Role.PRACTITIONER], basis="best_interests",
    )
    CarePlanFactory(person=best_interests_person, version=1, status="draft", created_by=users[Role.PRACTITIONER])
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
        # Version 1's review, finished and not agreed yet; and the person's conversation about what matters.
        "finished_review": ReviewFactory(plan=plan, decision="continue", finished_at=timezone.now(), created_by=users[Role.PRACTITIONER]),
        "conversation": ConversationFactory(person=person),
        "withdrawn_person": withdrawn_person,
        "best_interests_person": best_interests_person,
        "other_team_person": PersonFactory(team=other_team),
        # A council identity provider group giving a role in the team, so its page has a row.
        "group_mapping": ProviderGroupMapping.objects.create(
            group_id="5f6c1d2e-0a3b-4c5d-8e9f-0123456789ab", group_name="North Adults Team practitioners", role=Role.PRACTITIONER, team=team
        ),
    }
    # Commissioning: each app adds its records, later ones building on earlier ones.
    for build in (
        build_commissioning_world, build_priorities_world, build_specifications_world,
        build_workshops_world, build_budgeting_world,
        build_involvement_world, build_panels_world, build_assets_world, build_monitoring_world, build_coassessment_world, build_boards_world,
        build_recruitment_world,
        build_networks_world,
        build_training_world, build_research_world,
        build_sar_world, build_consent_world, build_retention_world, build_access_review_world,
        build_notifications_world, build_practice_groups_world, build_casesystem_world,
    ):
        world.update(build(world))
    return world


def build_world_with_its_own_users() -> dict:
    council = OrganisationFactory(name="Test Council")
    team = TeamFactory(name="North Adults Team", organisation=council)
    other_team = TeamFactory(name="South Adults Team", organisation=council)
    return build_world(users_for_every_role(team), team, other_team)


@pytest.fixture(scope="module")
def read_only_world(django_db_setup, django_db_blocker):
    """The world, once per module, in an outer transaction: each test runs in a savepoint of
    it (pytest-django's `db`), so whatever a test writes is gone before the next one."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world_with_its_own_users()
        yield world
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def committed_world(django_db_setup, django_db_blocker):
    """The world, once per module, committed so a live server's own connection sees it; the
    database is emptied when the module ends, as pytest-django does after a transactional test.
    A module using it overrides `transactional_db` so no test empties it in between."""
    with django_db_blocker.unblock():
        try:
            yield build_world_with_its_own_users()
        finally:
            call_command("flush", verbosity=0, interactive=False, database="default")
