"""What a person hears about their own recognition or expenses claim: approved, or a question
from the organiser (in the organiser's own words, so they know what to change). Only what they
need to recognise the claim: what it was for and which activity; never an amount, bank or
payment details."""

from django.urls import reverse

from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from ..models import Claim, ClaimCategory


def _what(claim: Claim) -> str:
    category = ClaimCategory(claim.category).label
    return f"your claim for {category[0].lower() + category[1:]} for \u201c{claim.activity.title}\u201d"


def _stamp(claim: Claim) -> str:
    # Approving or querying the same claim again (after it was changed) is a new event.
    return f"{claim.decided_at:%Y%m%d%H%M%S%f}" if claim.decided_at else "0"


def claim_approved(*, claim: Claim) -> int:
    paid = (
        " It will be paid in the next payment run." if claim.amount > 0
        else " There is no money to pay: it is on your record of what you have given."
    )
    return notify(
        recipients=claim.claimant,
        topic=Topic.CLAIM,
        subject="Your claim has been approved",
        body="\n\n".join([
            f"We have approved {_what(claim)}.{paid}",
            "Sign in to see your claims.",
        ]),
        link=reverse("involvement:my_claims"),
        key=f"claim-approved:{claim.pk}:{_stamp(claim)}",
    )


def claim_queried(*, claim: Claim) -> int:
    return notify(
        recipients=claim.claimant,
        topic=Topic.CLAIM,
        subject="We have a question about your claim",
        body="\n\n".join([
            f"Before we can approve {_what(claim)}, the organiser needs to know:",
            claim.query_reason.strip(),
            "Sign in to change the claim and send it again. If you are not sure what to do, ask the organiser.",
        ]),
        link=reverse("involvement:claim_edit", kwargs={"claim_id": claim.pk}),
        key=f"claim-queried:{claim.pk}:{_stamp(claim)}",
    )
