from coproduction.core.personal_data import exempt, register

from .models import (
    Evidence,
    OutcomeComment,
    Priority,
    PriorityComment,
    Shortlist,
    Support,
)

register(
    Priority,
    title="Priorities and outcomes you suggested",
    user_paths=["proposed_by"],
    fields=[
        ("Programme", "programme__title"),
        ("Kind", "kind"),
        ("What you suggested", "title"),
        ("Why it matters", "description"),
        ("Suggested", "proposed_at"),
    ],
    order_by=["proposed_at"],
)
register(
    PriorityComment,
    title="Your comments on priorities and outcomes",
    user_paths=["author"],
    fields=[("Programme", "priority__programme__title"), ("On", "priority__title"), ("Your comment", "text"), ("When", "created_at")],
    order_by=["created_at"],
)
register(
    Support,
    title="Priorities and outcomes you support",
    user_paths=["member"],
    fields=[("Programme", "priority__programme__title"), ("What you support", "priority__title"), ("Since", "created_at")],
    order_by=["created_at"],
)
register(
    OutcomeComment,
    title="Your comments on the outcomes framework",
    user_paths=["author"],
    fields=[("Programme", "outcome__programme__title"), ("On", "outcome__title"), ("Your comment", "text"), ("When", "created_at")],
    order_by=["created_at"],
)
register(
    Evidence,
    title="Evidence and stories you added or told",
    user_paths=["recorded_by", "teller"],
    fields=[
        ("Programme", "programme__title"),
        ("Kind", "kind"),
        ("Title", "title"),
        ("The evidence", "text"),
        ("Told by", "told_by"),
        ("Agreed on", "consent_given_on"),
        ("How they agreed", "consent_how"),
        ("Added", "recorded_at"),
        ("Withdrawn", "withdrawn_at"),
    ],
    order_by=["recorded_at"],
)
exempt(Shortlist, reason="names the commissioner who recorded the group's decision: their work, not a record about them")
