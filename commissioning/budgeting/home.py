from django.db.models import Exists, OuterRef

from commissioning.models import GroupMember
from coproduction.accounts.home import register_home_panel
from coproduction.accounts.models import Role, User

from .models import Round

PANEL_SIZE = 3


def votes_open_to(*, user: User):
    """Rounds open for voting that this person may vote in as a member of the programme's group.
    Residents' rounds are open to anyone who lives in the area, so they are found on the
    programme's page rather than listed on every home page."""
    member = GroupMember.objects.filter(programme=OuterRef("programme"), user=user, left_on__isnull=True)
    return (
        Round.objects.filter(phase=Round.Phase.VOTING, eligibility=Round.Eligibility.MEMBERS)
        .filter(Exists(member))
        .select_related("programme")
        .order_by("-created_at", "pk")
    )


def _votes_panel(user: User) -> dict:
    # One query: the first few, and one more to know whether there are others.
    rounds = list(votes_open_to(user=user)[: PANEL_SIZE + 1])
    return {"rounds": rounds[:PANEL_SIZE], "more": len(rounds) > PANEL_SIZE}


# Anyone can be in a co-production group, whatever their role.
register_home_panel(roles=list(Role), template="budgeting/partials/_home_votes.html", context=_votes_panel, order=31)
