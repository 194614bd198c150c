"""Who may see and do what with involvement records. A person's profile and claims are theirs;
organisers (commissioners) approve claims and see spend. The ledger's and the self-assessments'
predicates are in ledger/rules.py and selfassessment/rules.py, which build on these."""

import rules

from commissioning.rules import is_commissioner
from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role

is_head_of_service = has_role(Role.HEAD_OF_SERVICE)
is_practitioner = has_role(Role.PRACTITIONER)
is_team_manager = has_role(Role.TEAM_MANAGER)


# ---- Involvement profiles, reach and peer researchers ---------------------------------------
# A profile is its person's alone: there is no object-level rule letting anyone else open it.
# Organisers (commissioners who can manage the programme) see only the access needs of the
# people taking part. Reach figures are aggregates with small numbers hidden, so the programme's
# group may see them too, to help work out who is missing.
from commissioning.rules import is_group_member  # noqa: E402


@rules.predicate
def is_the_peer_researcher(user, researcher) -> bool:
    return researcher is not None and researcher.member.user_id == user.pk and researcher.member.left_on is None


rules.add_perm("involvement.have_profile", rules.is_authenticated)
# Object: the programme.
rules.add_perm("involvement.view_programme_reach", is_group_member | is_commissioner)
rules.add_perm("involvement.view_access_needs", is_commissioner)
rules.add_perm("involvement.view_peer_researchers", is_group_member | is_commissioner)
rules.add_perm("involvement.manage_peer_researchers", is_commissioner)
# Object: the peer researcher. They record their own interviews; commissioners record any.
rules.add_perm("involvement.record_interview", is_commissioner | is_the_peer_researcher)
# Across the council (no object).
rules.add_perm("involvement.view_council_reach", is_commissioner | is_head_of_service)
rules.add_perm("involvement.change_population_figures", is_commissioner)
