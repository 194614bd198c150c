from django.db.models import Q

from coproduction.core.personal_data import exempt, register

from .models import GuestInvitation, Idea, Invitation, Workshop

register(
    Invitation,
    title="Workshops and events you were invited to",
    user_paths=["member__user"],
    fields=[
        ("Event", "workshop__title"),
        ("Programme", "workshop__programme__title"),
        ("Date", "workshop__date"),
        ("Invitation sent", "sent_on"),
        ("Your reply", "reply"),
        ("What you said you need", "access_needs"),
        ("Anything else you told us", "anything_else"),
        ("You came", "attended"),
    ],
    order_by=["-workshop__date"],
)


def _guest_invitations_of(subject) -> Q | None:
    """Someone invited without an account is found by their name (and an account's email, if
    it is how they were reached): a subject access request lists every invitation that may be theirs."""
    if subject.person is None and subject.user is None:
        return None
    condition = Q(name__iexact=subject.full_name.strip())
    if subject.user is not None and subject.user.email:
        condition |= Q(how_to_reach__icontains=subject.user.email)
    return condition


register(
    GuestInvitation,
    title="Invitations to workshops and events sent to you by name",
    user_paths=[],
    subject_filter=_guest_invitations_of,
    fields=[
        ("Event", "workshop__title"),
        ("Programme", "workshop__programme__title"),
        ("Date", "workshop__date"),
        ("Your name", "name"),
        ("How we reach you", "how_to_reach"),
        ("How it was sent", "sent_how"),
        ("Sent on", "sent_on"),
        ("What you told us you need", "access_needs"),
        ("Anything else you told us", "anything_else"),
    ],
    order_by=["-workshop__date", "pk"],
    explanation="You were invited by name, without an account. The organisers keep how to reach you until the "
    "retention schedule removes it after the event.",
)
register(
    Idea,
    title="Ideas recorded in your words at workshops",
    user_paths=["said_by__user"],
    fields=[("Event", "workshop__title"), ("Date", "workshop__date"), ("Idea", "text")],
    order_by=["-workshop__date", "pk"],
)
exempt(Workshop, reason="names the staff member who planned it: their work, not a record about them")
