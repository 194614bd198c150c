"""Who may see and change a person's record. A person sees only their own; a carer, family
member or advocate only while their consent (or other recorded basis) stands; practitioners
and managers the people allocated to their teams; commissioners no individual at all.
Keep in step with coproduction.people.selectors.person_list_visible_to."""

import rules

from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role
from coproduction.people.rules import (
    can_work_with_person,
    is_the_person,
    represents_the_person,
    represents_with_standing_basis,
    works_with_people,
)

rules.add_perm("careplans.view_caseload", works_with_people)
rules.add_perm("careplans.add_person", works_with_people)
rules.add_perm("careplans.view_person", rules.is_authenticated & (is_the_person | can_work_with_person | represents_the_person))
rules.add_perm("careplans.change_person", rules.is_authenticated & can_work_with_person)
rules.add_perm("careplans.change_representatives", rules.is_authenticated & can_work_with_person)

# Plans: the same people as the record. The team changes them (starts drafts, agrees them); the
# person and their representatives comment and say how they were involved.
rules.add_perm("careplans.view_plan", rules.is_authenticated & (is_the_person | can_work_with_person | represents_the_person))
rules.add_perm("careplans.change_plan", rules.is_authenticated & can_work_with_person)
# Writing the plan's sections together: the team, the person, and a representative whose basis
# stands (consent given, or legal authority), never one involved in best interests or whose
# consent was withdrawn. The council's own sections stay the team's (sections.staff_only).
rules.add_perm(
    "careplans.write_plan", rules.is_authenticated & (can_work_with_person | is_the_person | represents_with_standing_basis)
)
# Agreeing the plan in their own name, on screen (or saying "I do not agree yet"): the person, or a
# representative whose basis stands. The team records an agreement given another way.
rules.add_perm("careplans.agree_own_plan", rules.is_authenticated & (is_the_person | represents_with_standing_basis))
# A finished review's outcome is agreed the same way as the plan, by the same people.
rules.add_perm("careplans.agree_own_review", rules.is_authenticated & (is_the_person | represents_with_standing_basis))
# The conversation about what matters is written by whoever may write the plan.
rules.add_perm(
    "careplans.write_conversation", rules.is_authenticated & (can_work_with_person | is_the_person | represents_with_standing_basis)
)
# Getting ready for a review: the person, or a representative whose basis stands, writes what is
# working, what is not and what matters for the future, which the team sees when it starts.
rules.add_perm("careplans.prepare_review", rules.is_authenticated & (is_the_person | represents_with_standing_basis))
rules.add_perm("careplans.comment_on_plan", rules.is_authenticated & (is_the_person | can_work_with_person | represents_the_person))
rules.add_perm("careplans.tell_involvement", rules.is_authenticated & (is_the_person | represents_the_person))
rules.add_perm("careplans.view_own_plan", has_role(Role.PERSON))
# The council's list of review themes is kept by administrators.
rules.add_perm("careplans.change_reviewtheme", has_role(Role.ADMINISTRATOR))
