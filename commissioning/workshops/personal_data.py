from coproduction.core.personal_data import exempt, register

from .models import Idea, Invitation, Workshop

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
register(
    Idea,
    title="Ideas recorded in your words at workshops",
    user_paths=["said_by__user"],
    fields=[("Event", "workshop__title"), ("Date", "workshop__date"), ("Idea", "text")],
    order_by=["-workshop__date", "pk"],
)
exempt(Workshop, reason="names the staff member who planned it: their work, not a record about them")
