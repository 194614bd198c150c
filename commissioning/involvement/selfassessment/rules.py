"""The Spectrum of Practice self-assessment, the commissioning team's own: commissioners run it; heads of service read it;
the people who assessed it (including people with lived experience) read their rounds."""

import rules

from commissioning.rules import is_commissioner

from ..rules import is_head_of_service, is_practitioner, is_team_manager


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
