"""Who may see and work with a person's record: the person, their representatives while
their recorded basis stands, and practitioners and managers of the person's team. The
permissions built from these are registered by the apps that use them (careplans.rules).
Keep in step with coproduction.people.selectors.person_list_visible_to."""

import rules

from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role
from coproduction.core.rules_cache import cached_for_request

works_with_people = has_role(Role.PRACTITIONER) | has_role(Role.TEAM_MANAGER)


# Bases on which a representative may write in the plan as well as read it: the person's own
# consent, or a legal authority to act for them. Best interests lets them be consulted, not write.
STANDING_BASES = frozenset({"consent", "legal_authority"})


def _representing_bases(user) -> dict[int, str]:
    """Each person this user represents right now, with the basis: one query, cached on the
    user for the request."""

    def load() -> dict[int, str]:
        from .models import Representative  # rules.py is imported before the models are ready

        bases: dict[int, str] = {}
        rows = Representative.objects.filter(user_id=user.pk, withdrawn_on__isnull=True).values_list("person_id", "basis")
        for person_id, basis in rows:
            if bases.get(person_id) not in STANDING_BASES:  # two records for one person: the standing one counts
                bases[person_id] = basis
        return bases

    return cached_for_request(user, "careplans.representing", load)


def representing_person_ids(user) -> frozenset[int]:
    """People this user represents right now."""
    return frozenset(_representing_bases(user))


def standing_person_ids(user) -> frozenset[int]:
    """People this user represents with a standing basis (consent given, or legal authority)."""
    return frozenset(person_id for person_id, basis in _representing_bases(user).items() if basis in STANDING_BASES)


@rules.predicate
def is_the_person(user, person) -> bool:
    return person is not None and person.user_id is not None and person.user_id == user.pk


@rules.predicate
def is_on_the_persons_team(user, person) -> bool:
    return person is not None and person.team_id in user.team_ids


@rules.predicate
def represents_the_person(user, person) -> bool:
    return person is not None and person.pk in representing_person_ids(user)


@rules.predicate
def represents_with_standing_basis(user, person) -> bool:
    return person is not None and person.pk in standing_person_ids(user)


can_work_with_person = works_with_people & is_on_the_persons_team
