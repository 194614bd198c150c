"""Who may see and do what with involvement records. A person's profile and claims are theirs;
organisers (commissioners) approve claims and see spend; see each section below."""

import rules

from commissioning.rules import is_commissioner
from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role

is_head_of_service = has_role(Role.HEAD_OF_SERVICE)
is_practitioner = has_role(Role.PRACTITIONER)
is_team_manager = has_role(Role.TEAM_MANAGER)


# ---- Recognition and expenses ledger -------------------------------------------------------
# A person sees and makes only their own claims; the organiser (a commissioner, who can manage
# the programme) enters claims for people, approves or queries them, and sees spend.


@rules.predicate
def is_claimant(user, claim) -> bool:
    return claim is not None and claim.claimant_id == user.pk


@rules.predicate
def claim_is_open(user, claim) -> bool:
    return claim is not None and claim.status in ("submitted", "queried")


# The person's own ledger and making a claim for an activity they took part in.
rules.add_perm("involvement.view_own_claims", rules.is_authenticated)
rules.add_perm("involvement.make_claim", rules.is_authenticated)
# Changing a claim: its claimant, until it is approved.
rules.add_perm("involvement.change_claim", rules.is_authenticated & is_claimant & claim_is_open)
# A programme's claims (object: the programme): entering, approving, querying.
rules.add_perm("involvement.manage_claims", is_commissioner)
# Spend per programme and activity; heads of service see it too, to plan budgets.
rules.add_perm("involvement.view_spend", is_commissioner | is_head_of_service)
# Payment files for finance, and the council's rates.
rules.add_perm("involvement.export_payments", is_commissioner)
rules.add_perm("involvement.manage_rates", is_commissioner)


# ---- Spectrum of Practice self-assessment --------------------------------------------------
# The commissioning team's own assessment: commissioners run it; heads of service read it;
# the people who assessed it (including people with lived experience) read their rounds.


@rules.predicate
def assessed_round(user, assessment_round) -> bool:
    if assessment_round is None:
        return False
    ids = getattr(assessment_round, "assessor_ids", None)
    if ids is None:
        ids = set(assessment_round.assessors.values_list("pk", flat=True))
    return user.pk in ids


rules.add_perm("involvement.view_selfassessment", is_commissioner | is_head_of_service)
rules.add_perm("involvement.change_selfassessment", is_commissioner)
rules.add_perm("involvement.view_assessment_round", rules.is_authenticated & (is_commissioner | is_head_of_service | assessed_round))


# ---- "Doing with, not doing to" self-check -------------------------------------------------
# Private to the practitioner. Their team manager sees only totals for the team, and only when
# enough practitioners answered that nobody can be singled out.


@rules.predicate
def is_own_self_check(user, check) -> bool:
    return check is not None and check.practitioner_id == user.pk


rules.add_perm("involvement.do_self_check", is_practitioner)
rules.add_perm("involvement.view_self_check", rules.is_authenticated & is_practitioner & is_own_self_check)
rules.add_perm("involvement.view_team_self_checks", is_team_manager)


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
