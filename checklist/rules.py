"""Who may fill in, read and use the checklist. A person's answers are theirs and their team's;
a practitioner's reflection is theirs and their manager's (for supervision); everyone else
sees only totals, never for groups small enough to single someone out.
Keep in step with checklist.selectors."""

import rules

from coproduction.people.rules import can_work_with_person, is_the_person, representing_person_ids, represents_the_person
from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role

is_practitioner = has_role(Role.PRACTITIONER)
is_team_manager = has_role(Role.TEAM_MANAGER)
is_head_of_service = has_role(Role.HEAD_OF_SERVICE)
is_council_staff = (
    has_role(Role.COMMISSIONER) | is_practitioner | is_team_manager | is_head_of_service | has_role(Role.ADMINISTRATOR)
)
works_with_people = is_practitioner | is_team_manager


@rules.predicate
def is_persons_view(user, checklist) -> bool:
    return checklist is not None and checklist.perspective == "person"


@rules.predicate
def is_checklist_person(user, checklist) -> bool:
    return checklist.person_id is not None and checklist.person.user_id is not None and checklist.person.user_id == user.pk


@rules.predicate
def represents_checklist_person(user, checklist) -> bool:
    return checklist.person_id is not None and checklist.person_id in representing_person_ids(user)


@rules.predicate
def is_on_checklist_team(user, checklist) -> bool:
    return checklist.team_id in user.team_ids


@rules.predicate
def manages_checklist_team(user, checklist) -> bool:
    return checklist.team_id in user.managed_team_ids


@rules.predicate
def entered_it(user, checklist) -> bool:
    return checklist.entered_by_id == user.pk


@rules.predicate
def is_draft(user, checklist) -> bool:
    return checklist.submitted_at is None


@rules.predicate
def manages_team(user, team) -> bool:
    return team is not None and team.pk in user.managed_team_ids


@rules.predicate
def is_a_team(user, subject) -> bool:
    return subject is not None and subject._meta.label == "accounts.Team"


@rules.predicate
def manages_any_team(user) -> bool:
    return bool(user.managed_team_ids)


@rules.predicate
def is_that_practitioner(user, practitioner) -> bool:
    return practitioner is not None and practitioner.pk == user.pk


@rules.predicate
def manages_practitioner(user, practitioner) -> bool:
    return practitioner is not None and "practitioner" in practitioner.roles and bool(user.managed_team_ids & practitioner.team_ids)


@rules.predicate
def is_goal_practitioner(user, goal) -> bool:
    return goal.practitioner_id == user.pk


@rules.predicate
def is_team_goal_member(user, goal) -> bool:
    return goal.practitioner_id is None and goal.team_id in user.team_ids


@rules.predicate
def manages_goal_team(user, goal) -> bool:
    return goal.team_id in user.managed_team_ids


@rules.predicate
def manages_round(user, survey_round) -> bool:
    return survey_round.team_id is not None and survey_round.team_id in user.managed_team_ids


@rules.predicate
def is_council_round(user, survey_round) -> bool:
    return survey_round.team_id is None


# Filling it in. A person their own; a representative on the person's behalf; the person's
# team with the person, during a visit or review.
rules.add_perm("checklist.complete_own", has_role(Role.PERSON))
rules.add_perm("checklist.complete_for_person", rules.is_authenticated & (represents_the_person | can_work_with_person))
rules.add_perm("checklist.reflect", is_practitioner)
# A carer who is not also a practitioner answers on the person's behalf, not with them.
rules.add_perm("checklist.answer_on_behalf", has_role(Role.CARER) & ~is_practitioner)
rules.add_perm("checklist.change_checklist", rules.is_authenticated & is_draft & entered_it)

# Reading one checklist: a person's view by the person, their representatives and their
# team; a practitioner's reflection by them and their team's manager.
rules.add_perm(
    "checklist.view_checklist",
    rules.is_authenticated
    & (
        entered_it
        | (is_persons_view & (is_checklist_person | represents_checklist_person | (works_with_people & is_on_checklist_team)))
        | (~is_persons_view & is_team_manager & manages_checklist_team)
    ),
)
# The person's ratings beside the practitioner's for the same person.
rules.add_perm("checklist.view_perception_gap", rules.is_authenticated & (is_the_person | represents_the_person | can_work_with_person))
rules.add_perm("checklist.view_reflection", rules.is_authenticated & (is_that_practitioner & is_practitioner | is_team_manager & manages_practitioner))

# What the statements say, for everyone: what people should be able to expect.
rules.add_perm("checklist.view_statements", rules.is_authenticated)
rules.add_perm("checklist.publish_statement_set", has_role(Role.ADMINISTRATOR))

# Dashboards and reports: totals only.
rules.add_perm("checklist.view_dashboard", is_team_manager | is_head_of_service)
can_view_team_results = rules.is_authenticated & (is_team_manager & manages_team | is_head_of_service)
rules.add_perm("checklist.view_team_results", can_view_team_results)
rules.add_perm("checklist.view_council_results", is_head_of_service)
# A report of results (PDF or spreadsheet) about a team, or about the whole council.
rules.add_perm("checklist.view_results_report", is_a_team & can_view_team_results | ~is_a_team & is_head_of_service)
# A head of service's dashboards cover every team; a manager's only the teams they manage.
rules.add_perm("checklist.view_every_team", is_head_of_service)

# Stories: a team's manager reads its comments and picks its top three per statement;
# shared ones (consent recorded) are read by council staff.
rules.add_perm("checklist.choose_stories", rules.is_authenticated & is_team_manager & manages_team)
rules.add_perm("checklist.view_shared_stories", is_council_staff)

# Goals: agreed by a manager for their team or one of its practitioners.
rules.add_perm("checklist.view_goals", is_team_manager | is_practitioner)
rules.add_perm("checklist.add_goal", rules.is_authenticated & is_team_manager & manages_team)
# Agreeing goals at all: a manager who manages at least one team.
rules.add_perm("checklist.agree_goals", rules.is_authenticated & is_team_manager & manages_any_team)
rules.add_perm("checklist.view_goal", rules.is_authenticated & (is_goal_practitioner | works_with_people & is_team_goal_member | manages_goal_team))
rules.add_perm("checklist.change_goal", rules.is_authenticated & is_team_manager & manages_goal_team)

# Survey rounds: a manager for their team, a head of service for the whole council.
rules.add_perm("checklist.view_rounds", is_team_manager | is_head_of_service)
rules.add_perm("checklist.open_team_round", rules.is_authenticated & is_team_manager & manages_team)
rules.add_perm("checklist.open_council_round", is_head_of_service)
rules.add_perm(
    "checklist.view_round",
    rules.is_authenticated & (is_team_manager & (manages_round | is_council_round) | is_head_of_service),
)

