"""What eligible voters hear about a participatory budgeting round: that voting has opened, and
that the results are published. Who hears:
- the programme's co-production group (they always vote); each member chooses in their
  message settings whether they hear about budgeting at all;
- in a residents' round, residents who registered and ticked "tell me when voting opens and
  when the results are published". A resident who did not tick hears nothing.
People voting with a paper code have no account and are told on paper by the organiser."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from commissioning.models import GroupMember
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import Registration, Round


def eligible_listeners(round_: Round) -> list:
    """Eligible voters who asked to hear, in one query."""
    members = GroupMember.objects.filter(programme_id=round_.programme_id, left_on__isnull=True).values("user_id")
    asked = Q(pk__in=members)
    if round_.eligibility == Round.Eligibility.RESIDENTS:
        asked |= Q(pk__in=Registration.objects.filter(round_id=round_.pk, wants_updates=True).values("user_id"))
    return list(get_user_model().objects.filter(asked).order_by("pk"))


def _link(round_: Round, name: str) -> str:
    return reverse(f"budgeting:{name}", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk})


def voting_opened(*, round_: Round) -> int:
    return notify(
        recipients=eligible_listeners(round_),
        topic=Topic.BUDGETING,
        subject=f"Voting has opened: {round_.title}",
        body="\n\n".join([
            f"Voting has opened in \u201c{round_.title}\u201d. You can choose which ideas get the money.",
            "Sign in to read the ideas and vote. Your vote is secret: nobody can see what you chose.",
            "We will tell you when the results are published.",
        ]),
        link=_link(round_, "round_detail"),
        key=f"pb-voting-open:{round_.pk}",
    )


def results_published(*, round_: Round) -> int:
    return notify(
        recipients=eligible_listeners(round_),
        topic=Topic.BUDGETING,
        subject=f"The results are out: {round_.title}",
        body="\n\n".join([
            f"The results of \u201c{round_.title}\u201d are published. Thank you to everyone who voted.",
            "Sign in to see which ideas will get the money and how many votes each idea had.",
        ]),
        link=_link(round_, "results"),
        key=f"pb-results:{round_.pk}",
    )


def phase_changed(*, round_: Round) -> int:
    """After the round moves on: voting opening is news; the other phases are not."""
    return voting_opened(round_=round_) if round_.phase == Round.Phase.VOTING else 0
