"""Who may see and work with a person's record: the person, their representatives while
their recorded basis stands, and practitioners and managers of the person's team. The
permissions built from these are registered by the apps that use them (careplans.rules).
Keep in step with coproduction.people.selectors.person_list_visible_to."""

import rules

from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role
from coproduction.core.rules_cache import cached_for_request

works_with_people = has_role(Role.PRACTITIONER) | has_role(Role.TEAM_MANAGER)


def representing_person_ids(user) -> frozenset[int]:
    """People this user represents right now: one query, cached on the user for the request."""

    def load() -> frozenset[int]:
        from .models import Representative  # rules.py is imported before the models are ready

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
