"""Who may do what in a recruitment campaign. Staff who recruit (team managers, heads of
service, commissioners) set campaigns up and chair them. The panel's members see the campaign;
only the HR officer sees candidates' names; scoring members score, alone, once they have
declared whom they know; the chair moderates and records the recommendation; the appointing
manager records the decision. Nobody else learns a campaign exists.

Memberships are read once per request and kept on the user for it."""

import rules

from commissioning.scoring import may_see_others_scores
from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role
from coproduction.core.rules_cache import cached_for_request

is_recruiter = has_role(Role.TEAM_MANAGER) | has_role(Role.HEAD_OF_SERVICE) | has_role(Role.COMMISSIONER)


def memberships(user) -> dict:
    """{campaign id: the user's CampaignMember} for every campaign the user is on, read once per
    request, so a page asking about many campaigns (a decisions log) reads it once."""
    if not getattr(user, "is_authenticated", False):
        return {}

    def load() -> dict:
        from .models import CampaignMember

        return {member.campaign_id: member for member in CampaignMember.objects.filter(user=user).order_by("pk")}

    return cached_for_request(user, "recruitment.memberships", load)


def membership(user, campaign):
    """The user's CampaignMember on this campaign, or None."""
    return None if campaign is None else memberships(user).get(campaign.pk)


def campaign_ids(user) -> frozenset[int]:
    """The campaigns the user is on."""
    return frozenset(memberships(user))


def _has_role(user, campaign, *roles) -> bool:
    member = membership(user, campaign)
    return member is not None and member.role in roles


@rules.predicate
def is_on_some_panel(user) -> bool:
    return bool(campaign_ids(user))


@rules.predicate
def is_panel_member(user, campaign) -> bool:
    return membership(user, campaign) is not None


@rules.predicate
def is_chair(user, campaign) -> bool:
    return _has_role(user, campaign, "chair")


@rules.predicate
def is_hr_officer(user, campaign) -> bool:
    return _has_role(user, campaign, "hr_officer")


@rules.predicate
def is_appointing_manager(user, campaign) -> bool:
    return _has_role(user, campaign, "appointing_manager")


@rules.predicate
def is_scoring_member(user, campaign) -> bool:
    member = membership(user, campaign)
    return member is not None and member.is_scorer


@rules.predicate
def may_see_candidate_scores(user, candidate) -> bool:
    """Others' scores for a candidate (object: a candidate from selectors.candidate_or_none):
    a scoring member once their own are sent, as on procurement panels; members who do not score."""
    member = membership(user, candidate.campaign) if candidate is not None else None
    if member is None:
        return False
    return may_see_others_scores(scores=member.is_scorer, sent_own=candidate.sent_own)


@rules.predicate
def may_moderate_candidate(user, candidate) -> bool:
    """The chair, once their own scores for the candidate are sent, until the recommendation."""
    member = membership(user, candidate.campaign) if candidate is not None else None
    return member is not None and member.is_chair and candidate.sent_own and getattr(candidate.campaign, "outcome", None) is None


rules.add_perm("recruitment.view_campaign_list", is_recruiter | is_on_some_panel)
rules.add_perm("recruitment.add_campaign", is_recruiter)
# The campaign's page, its briefing pack, values and questions, and the outcome.
rules.add_perm("recruitment.view_campaign", is_panel_member)
# Proposing and discussing values and questions, declaring whom one knows.
rules.add_perm("recruitment.take_part", is_panel_member)
# Members, briefing packs, agreeing values and questions, moderation, recommendation, recognition.
rules.add_perm("recruitment.manage_campaign", is_chair)
# Candidates' names: the HR officer alone. Everyone else knows them by reference.
rules.add_perm("recruitment.view_candidate_names", is_hr_officer)
rules.add_perm("recruitment.add_candidate", is_hr_officer)
rules.add_perm("recruitment.score", is_scoring_member)
rules.add_perm("recruitment.decide_appointment", is_appointing_manager)
# Others' scores for a candidate, and moderating them (object: the candidate).
rules.add_perm("recruitment.view_candidate_scores", may_see_candidate_scores)
rules.add_perm("recruitment.moderate_candidate", may_moderate_candidate)
