"""Who may see and change a person's record. A person sees only their own; a carer, family
member or advocate only while their consent (or other recorded basis) stands; practitioners
and managers the people allocated to their teams; commissioners no individual at all.
Keep in step with careplans.selectors.person_list_visible_to."""

import rules

from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role
from coproduction.core.rules_cache import cached_for_request

works_with_people = has_role(Role.PRACTITIONER) | has_role(Role.TEAM_MANAGER)


def representing_person_ids(user) -> frozenset[int]:
    """People this user represents right now: one query, cached on the user for the request."""

    def load() -> frozenset[int]:
        from .models import Representative

        return frozenset(
            Representative.objects.filter(user_id=user.pk, withdrawn_on__isnull=True).values_list("person_id", flat=True)
        )

    return cached_for_request(user, "careplans.representing", load)


@rules.predicate
def is_the_person(user, person) -> bool:
    return person is not None and person.user_id is not None and person.user_id == user.pk


@rules.predicate
def is_on_the_persons_team(user, person) -> bool:
    return person is not None and person.team_id in user.team_ids


@rules.predicate
def represents_the_person(user, person) -> bool:
    return person is not None and person.pk in representing_person_ids(user)


can_work_with_person = works_with_people & is_on_the_persons_team

rules.add_perm("careplans.view_caseload", works_with_people)
rules.add_perm("careplans.add_person", works_with_people)
rules.add_perm("careplans.view_person", rules.is_authenticated & (is_the_person | can_work_with_person | represents_the_person))
rules.add_perm("careplans.change_person", rules.is_authenticated & can_work_with_person)
rules.add_perm("careplans.change_representatives", rules.is_authenticated & can_work_with_person)

# Plans: the same people as the record, and only the team changes them. The person and their
# representatives comment and say how they were involved.
rules.add_perm("careplans.view_plan", rules.is_authenticated & (is_the_person | can_work_with_person | represents_the_person))
rules.add_perm("careplans.change_plan", rules.is_authenticated & can_work_with_person)
rules.add_perm("careplans.comment_on_plan", rules.is_authenticated & (is_the_person | can_work_with_person | represents_the_person))
rules.add_perm("careplans.tell_involvement", rules.is_authenticated & (is_the_person | represents_the_person))
rules.add_perm("careplans.view_own_plan", has_role(Role.PERSON))
# The council's list of review themes is kept by administrators.
rules.add_perm("careplans.change_reviewtheme", has_role(Role.ADMINISTRATOR))
