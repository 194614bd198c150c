"""Who may see and do what in a participatory budgeting round. Commissioners run rounds; the
programme's group (and, for a residents' round, registered residents) propose and vote; named
reviewers check ideas. Predicates read only what the view loaded (the round with its
programme), plus one cached query per request for reviewers and registrations."""

import rules

from commissioning.rules import current_programme_ids, is_commissioner
from coproduction.core.rules_cache import cached_for_request


def _programme_member(user, round_) -> bool:
    return round_ is not None and round_.programme_id in current_programme_ids(user)


@rules.predicate
def is_round_programme_member(user, round_) -> bool:
    return _programme_member(user, round_)


@rules.predicate
def is_public_round(user, round_) -> bool:
    return round_ is not None and round_.programme.is_public


@rules.predicate
def is_residents_round(user, round_) -> bool:
    return round_ is not None and round_.eligibility == round_.Eligibility.RESIDENTS


@rules.predicate
def is_registered_resident(user, round_) -> bool:
    if round_ is None or not user.is_authenticated:
        return False
    return cached_for_request(user, ("budgeting.registered", round_.pk), lambda: round_.registrations.filter(user=user).exists())


@rules.predicate
def is_named_reviewer(user, round_) -> bool:
    if round_ is None or not user.is_authenticated:
        return False
    return cached_for_request(user, ("budgeting.reviewing", round_.pk), lambda: round_.reviewers.filter(pk=user.pk).exists())


@rules.predicate
def is_results_published(user, round_) -> bool:
    return round_ is not None and round_.results_published


# A members-only programme's rounds are for its group and commissioners; a public programme's
# rounds are open to anyone signed in, so residents can register and vote.
can_view_round = is_commissioner | is_round_programme_member | (rules.is_authenticated & is_public_round)
can_take_part = is_commissioner | is_round_programme_member | (is_residents_round & is_registered_resident)

rules.add_perm("budgeting.view_round", can_view_round)
rules.add_perm("budgeting.manage_round", is_commissioner)
rules.add_perm("budgeting.propose", can_view_round & can_take_part)
rules.add_perm("budgeting.review_proposals", can_view_round & is_named_reviewer)
# Group members always vote; a residents' round adds residents who registered (and code
# holders, who vote signed out through the code pages).
rules.add_perm("budgeting.vote", can_view_round & (is_round_programme_member | (is_residents_round & is_registered_resident)))
rules.add_perm("budgeting.register", rules.is_authenticated & can_view_round & is_residents_round)
rules.add_perm("budgeting.view_results", can_view_round & (is_results_published | is_commissioner))
# Rejected ideas, with the reason: the person who proposed it, reviewers and organisers.
rules.add_perm("budgeting.view_rejected", is_commissioner | is_named_reviewer)
