"""Who may see and do what in a commissioning programme. Commissioners run programmes; the
co-production group takes part as equals; a public programme's summary is open to anyone,
its members-only pages are not. Sub-apps build their permissions from these predicates.
Keep in step with commissioning.selectors."""

import rules

from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role
from coproduction.core.rules_cache import cached_for_request

is_commissioner = has_role(Role.COMMISSIONER)


def current_programme_ids(user) -> frozenset[int]:
    """The programmes the user is a current group member of, read once per request."""
    if not user.is_authenticated:
        return frozenset()

    def load() -> frozenset[int]:
        from .models import GroupMember

        return frozenset(
            GroupMember.objects.filter(user=user, left_on__isnull=True).order_by().values_list("programme_id", flat=True)
        )

    return cached_for_request(user, "commissioning.current_programme_ids", load)


@rules.predicate
def is_group_member(user, programme) -> bool:
    return programme is not None and programme.pk in current_programme_ids(user)


@rules.predicate
def is_public_programme(user, programme) -> bool:
    return programme is not None and programme.is_public


# Anyone signed in can open the list: it shows public programmes and their own.
rules.add_perm("commissioning.view_programme_list", rules.is_authenticated)
rules.add_perm("commissioning.add_programme", is_commissioner)
# The summary page: open to everyone (even signed out) when the programme is public.
rules.add_perm("commissioning.view_programme_summary", is_public_programme | is_group_member | is_commissioner)
# The programme's own pages: the group, stages, activities, decisions, and the sub-apps' pages.
rules.add_perm("commissioning.view_programme", is_group_member | is_commissioner)
# Proposing, commenting, supporting: current members, and commissioners.
rules.add_perm("commissioning.take_part", is_group_member | is_commissioner)
# Changing the programme, its stages and group, recording activities and decisions.
rules.add_perm("commissioning.manage_programme", is_commissioner)
