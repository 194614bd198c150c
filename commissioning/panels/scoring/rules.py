"""Who may do what with bids, scores, moderation, price, totals, award and outputs. Objects: the
panel, a bidder, or a response (a BidResponse loaded with its bidder and panel, and `my_score`
set by the selector)."""

import rules

from commissioning.rules import is_commissioner

from ..rules import (
    has_declared_conflicts,
    is_conflicted,
    is_panel_chair,
    is_panel_deputy,
    is_panel_member,
    may_moderate_bidder,
    may_see_bids,
    membership,
)

STAGES_AFTER_SCORING = ("moderating", "awarded")


def _member_of_response(user, response):
    return membership(user, response.bidder.panel_id) if response is not None else None


@rules.predicate
def is_procurement_officer(user, panel) -> bool:
    member = membership(user, panel)
    return member is not None and member.role == "procurement_officer"


@rules.predicate
def is_panel_awarded(user, panel) -> bool:
    return panel is not None and panel.status == "awarded"


@rules.predicate
def may_read_response(user, response) -> bool:
    """Non-conflicted members who have declared, and the chair (who runs the panel)."""
    member = _member_of_response(user, response)
    if member is None or not member.has_declared:
        return False
    return member.is_chair or not is_conflicted(member, response.bidder_id)


@rules.predicate
def has_scored_response(user, response) -> bool:
    return response is not None and getattr(response, "my_score", None) is not None


@rules.predicate
def moderates_response(user, response) -> bool:
    """The chair, or for a bidder the chair is conflicted with, the deputy (see may_moderate_bidder)."""
    if response is None:
        return False
    return may_moderate_bidder(_member_of_response(user, response), response.bidder.panel, response.bidder_id)


@rules.predicate
def is_response_past_scoring(user, response) -> bool:
    return response is not None and response.bidder.panel.status in STAGES_AFTER_SCORING


# Seeing the bids at all, and the scoring list: members who have declared their conflicts.
rules.add_perm("panels.score_bids", may_see_bids)
# Entering bidders' responses: the chair and procurement officers.
rules.add_perm("panels.enter_bids", (is_panel_chair | is_procurement_officer) & has_declared_conflicts)
# Reading one response and its file (object: the response).
rules.add_perm("panels.view_response", may_read_response)
# Others' scores for a response: only once your own is in, or once scoring has closed.
rules.add_perm("panels.view_response_scores", may_read_response & (has_scored_response | is_response_past_scoring))
# Moderation: the chair, who sees every score side by side, and the deputy chair, who moderates
# the bidders the chair declared a conflict with. Closing scoring is the chair's.
rules.add_perm("panels.moderate", (is_panel_chair | is_panel_deputy) & has_declared_conflicts)
rules.add_perm("panels.start_moderation", is_panel_chair & has_declared_conflicts)
# Recording the moderated score of one answer (object: the response).
rules.add_perm("panels.moderate_response", moderates_response)
# Price, evaluated apart from the quality panel.
rules.add_perm("panels.enter_price", is_procurement_officer & has_declared_conflicts)
# Totals (with price) and the panel report: the chair and procurement officers; everyone on
# the panel once the award is made.
rules.add_perm("panels.view_totals", is_panel_chair | is_procurement_officer | (is_panel_member & is_panel_awarded))
rules.add_perm("panels.award", is_panel_chair)
# The procurement's open data (OCDS releases), which the council publishes: commissioners.
rules.add_perm("panels.export_open_data", is_commissioner)
# Assessment summaries to bidders: the chair.
rules.add_perm("panels.feedback_letters", is_panel_chair)
# After the award: notes instead of changes, by anyone on the panel.
rules.add_perm("panels.annotate", is_panel_member & is_panel_awarded)
