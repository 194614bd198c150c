"""Who may do what on a procurement panel. The object is the panel, or for a bidder's pages the
bidder. Members are equal scorers; the chair manages the panel. A member sees no bid until they
have declared their conflicts of interest (even "none"), and never scores a bidder they declared
a conflict with. Commissioners who may manage the programme set panels up.

Membership is read once per user and panel and kept on the user for the request, so pages that
check many bidders stay at a fixed number of queries. Bids, scoring, moderation and outputs have
their predicates in scoring/rules.py, which builds on these."""

import rules

from commissioning.rules import is_commissioner, is_group_member
from coproduction.core.rules_cache import cached_for_request, remember_for_request


def membership(user, panel):
    """The user's PanelMember on this panel, or None. Cached on the user for the request."""
    if panel is None or not getattr(user, "is_authenticated", False):
        return None
    panel_id = panel if isinstance(panel, int) else panel.pk

    def load():
        from .models import PanelMember

        return PanelMember.objects.filter(panel_id=panel_id, user=user).first()

    return cached_for_request(user, ("panels.membership", panel_id), load)


def remember_membership(user, member, *, panel_id: int) -> None:
    """Let a view that has already read the member (or found none: None) skip the query."""
    remember_for_request(user, ("panels.membership", panel_id), member)


def memberships_read(user, panels) -> None:
    """Read the user's places on these panels in one query and remember them (a page linking to
    many panels asks about each)."""
    if not getattr(user, "is_authenticated", False):
        return
    from .models import PanelMember

    panel_ids = {panel.pk for panel in panels}
    found = {member.panel_id: member for member in PanelMember.objects.filter(panel_id__in=panel_ids, user=user)}
    for panel_id in panel_ids:
        remember_membership(user, found.get(panel_id), panel_id=panel_id)


def conflicted_bidder_ids(member) -> frozenset[int]:
    """The bidders this member declared a conflict with. Cached on the member."""
    if member is None:
        return frozenset()
    cached = getattr(member, "_conflicted_bidder_ids", None)
    if cached is None:
        from .models import Conflict

        cached = member._conflicted_bidder_ids = frozenset(
            Conflict.objects.filter(member=member).order_by().values_list("bidder_id", flat=True)
        )
    return cached


def is_conflicted(member, bidder) -> bool:
    """True when the member declared a conflict with the bidder (a Bidder or its id)."""
    bidder_id = bidder if isinstance(bidder, int) else bidder.pk
    return bidder_id in conflicted_bidder_ids(member)


def chair_conflicted_bidder_ids(panel) -> frozenset[int]:
    """The bidders the panel's chair declared a conflict with. Cached on the panel."""
    cached = getattr(panel, "_chair_conflicted_bidder_ids", None)
    if cached is None:
        from .models import Conflict

        cached = panel._chair_conflicted_bidder_ids = frozenset(
            Conflict.objects.filter(member__panel=panel, member__role="chair").order_by().values_list("bidder_id", flat=True)
        )
    return cached


def remember_conflicts(panel, members) -> None:
    """Let a page that has loaded the members with their conflicts (prefetched) skip the queries."""
    for member in members:
        member._conflicted_bidder_ids = frozenset(conflict.bidder_id for conflict in member.conflicts.all())
    panel._chair_conflicted_bidder_ids = frozenset(
        bidder_id for member in members if member.is_chair for bidder_id in member._conflicted_bidder_ids
    )


def may_moderate_bidder(member, panel, bidder_id: int) -> bool:
    """The chair moderates every bidder except those they declared a conflict with; the named
    deputy moderates those. Nobody moderates a bidder they are conflicted with themselves."""
    if member is None or not member.has_declared or is_conflicted(member, bidder_id):
        return False
    if member.is_chair:
        return True
    return panel.deputy_id == member.pk and bidder_id in chair_conflicted_bidder_ids(panel)


@rules.predicate
def is_panel_member(user, panel) -> bool:
    return membership(user, panel) is not None


@rules.predicate
def is_panel_chair(user, panel) -> bool:
    member = membership(user, panel)
    return member is not None and member.is_chair


@rules.predicate
def is_panel_deputy(user, panel) -> bool:
    member = membership(user, panel)
    return member is not None and panel.deputy_id == member.pk


@rules.predicate
def has_declared_conflicts(user, panel) -> bool:
    member = membership(user, panel)
    return member is not None and member.has_declared


@rules.predicate
def is_in_panel_programme(user, panel) -> bool:
    return panel is not None and is_group_member(user, panel.programme)


@rules.predicate
def is_member_of_bidders_panel(user, bidder) -> bool:
    return bidder is not None and membership(user, bidder.panel_id) is not None


@rules.predicate
def is_chair_of_bidders_panel(user, bidder) -> bool:
    member = bidder is not None and membership(user, bidder.panel_id)
    return bool(member) and member.is_chair


@rules.predicate
def has_declared_on_bidders_panel(user, bidder) -> bool:
    member = bidder is not None and membership(user, bidder.panel_id)
    return bool(member) and member.has_declared


@rules.predicate
def is_conflicted_with_bidder(user, bidder) -> bool:
    member = bidder is not None and membership(user, bidder.panel_id)
    return bool(member) and is_conflicted(member, bidder)


# Can the member see bids at all: a member who has declared their conflicts (even "none").
may_see_bids = is_panel_member & has_declared_conflicts
# Can the member score (and read the responses of) this bidder.
may_score_bidder = is_member_of_bidders_panel & has_declared_on_bidders_panel & ~is_conflicted_with_bidder

# The Panels tab: the panels list shows commissioners every panel, and others their own.
rules.add_perm("panels.view_panel_list", is_group_member | is_commissioner)
# Setting a panel up (object: the programme) and naming its chair.
rules.add_perm("panels.add_panel", is_commissioner)
# The panel's page: its members, and commissioners (who see it without the member list).
rules.add_perm("panels.view_panel", is_panel_member | is_commissioner)
# Who sits on the panel, by role (lived-experience roles tell something about a person).
rules.add_perm("panels.view_members", is_panel_member)
# Changing the panel, its members and bidders, sending packs, agreeing questions, recognition.
rules.add_perm("panels.manage_panel", is_panel_chair)
# Declaring conflicts of interest: each member for themselves.
rules.add_perm("panels.declare_conflicts", is_panel_member)
# Seeing every member's declarations: the chair.
rules.add_perm("panels.view_conflicts", is_panel_chair)
rules.add_perm("panels.see_bids", may_see_bids)
# The briefing pack: every member reads their own.
rules.add_perm("panels.view_briefing", is_panel_member)
# Drafting questions together: proposing, rewording, commenting.
rules.add_perm("panels.draft_questions", is_panel_member)
rules.add_perm("panels.agree_questions", is_panel_chair)
# The agreed questions as they go into the tender pack: the panel and the programme's group.
rules.add_perm("panels.view_tender_questions", is_panel_member | is_commissioner | is_in_panel_programme)
# Members' recognition and access needs: the chair, who organises the panel.
rules.add_perm("panels.view_recognition", is_panel_chair)
rules.add_perm("panels.view_access_needs", is_panel_chair)
# Object: a bidder.
rules.add_perm("panels.score_bidder", may_score_bidder)
