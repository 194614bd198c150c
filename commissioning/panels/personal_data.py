from coproduction.core.personal_data import exempt, register

from .models import (
    BriefingPack,
    Conflict,
    ConsortiumMember,
    Panel,
    PanelMember,
    PanelQuestion,
    QuestionComment,
)

register(
    PanelMember,
    title="Procurement panels you sit on",
    user_paths=["user"],
    fields=[
        ("Panel", "panel__title"),
        ("Programme", "panel__programme__title"),
        ("Your role", "role"),
        ("Added", "added_at"),
        ("You declared your interests", "conflicts_declared_at"),
    ],
    order_by=["-added_at"],
)
register(
    Conflict,
    title="Interests you declared on procurement panels",
    user_paths=["member__user"],
    fields=[("Panel", "member__panel__title"), ("Bidder", "bidder__name"), ("Your interest", "details"), ("Declared", "declared_at")],
    order_by=["-declared_at"],
)
register(
    BriefingPack,
    title="Panel briefing packs sent to you",
    user_paths=["member__user"],
    fields=[("Panel", "member__panel__title"), ("Format", "document_format"), ("Sent", "sent_at"), ("First opened", "first_opened_at")],
    order_by=["-sent_at"],
)
register(
    PanelQuestion,
    title="Questions for bidders you proposed on panels",
    user_paths=["proposed_by"],
    fields=[("Panel", "panel__title"), ("Criterion", "criterion__title"), ("Question", "text"), ("Proposed", "proposed_at"), ("Agreed", "agreed")],
    order_by=["-proposed_at"],
)
register(
    QuestionComment,
    title="Your comments on panel questions",
    user_paths=["author"],
    fields=[("Panel", "question__panel__title"), ("Question", "question__text"), ("Your comment", "text"), ("Sent", "created_at")],
    order_by=["-created_at"],
)
exempt(Panel, reason="names the staff member who set it up: their work, not a record about them")
exempt(ConsortiumMember, reason="a provider in a consortium bid and what it brings: about organisations, not people")

from .scoring import personal_data as scoring_personal_data  # noqa: E402,F401  (scores, notes; bids and moderation exempt)
