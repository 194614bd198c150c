"""Personal data in bids and scoring (imported by this app's personal_data.py). A member's own
scores and reasons, and their notes after an award, are theirs to see; the rest is the panel's
work or the bidder's, not a record about the staff member named on it."""

from coproduction.core.personal_data import exempt, register

from ..models import Annotation, AwardRecommendation, BidResponse, ModeratedScore, Score, ShortlistCheck

register(
    Score,
    title="Your scores on procurement panels",
    user_paths=["member__user"],
    fields=[
        ("Panel", "response__bidder__panel__title"),
        ("Bidder", "response__bidder__name"),
        ("Question", "response__question__text"),
        ("Your score", "value"),
        ("Your reason", "reason"),
        ("Sent", "submitted_at"),
    ],
    order_by=["-submitted_at"],
)
register(
    Annotation,
    title="Your notes on procurement panels after the award",
    user_paths=["author"],
    fields=[("Panel", "panel__title"), ("Your note", "text"), ("Added", "created_at")],
    order_by=["-created_at"],
)
register(
    ShortlistCheck,
    title="Your shortlisting findings on procurement panels",
    user_paths=["checked_by"],
    fields=[
        ("Panel", "bidder__panel__title"),
        ("Bidder", "bidder__name"),
        ("Question", "question__text"),
        ("Meets it", "passed"),
        ("Your reason", "reason"),
        ("Recorded", "checked_at"),
    ],
    order_by=["-checked_at"],
)
exempt(BidResponse, reason="a bidder's answer; names the staff member who entered it: their work, not a record about them")
exempt(ModeratedScore, reason="the panel's agreed score; names the chair who recorded it: their work, not a record about them")
exempt(AwardRecommendation, reason="the panel's recommendation; names the chair who recorded it: their work, not a record about them")
