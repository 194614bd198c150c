from coproduction.core.personal_data import exempt, register

from .models import (
    Asset,
    AssetModerator,
    AssetOutcome,
    AssetPriority,
    PlanAsset,
    Suggestion,
)

register(
    Suggestion,
    title="Local assets and corrections you suggested",
    user_paths=["suggested_by"],
    fields=[
        ("Asset", "asset__name"),
        ("Kind", "kind"),
        ("Suggested", "suggested_at"),
        ("Your note", "note"),
        ("What happened", "status"),
        ("Reply", "reply"),
    ],
    order_by=["-suggested_at"],
)
register(
    Asset,
    title="Local assets you added to the map",
    user_paths=["added_by"],
    fields=[("Name", "name"), ("Added", "added_at"), ("Status", "status")],
    order_by=["-added_at"],
)
register(
    AssetModerator,
    title="Community moderator for local assets",
    user_paths=["user"],
    fields=[("Since", "appointed_at"), ("Area", "area")],
)
register(
    PlanAsset,
    title="Local assets in your care and support plan",
    user_paths=["plan__person__user"],
    person_paths=["plan__person"],
    fields=[("Asset", "asset__name"), ("How it helps", "note"), ("Added", "added_at")],
    order_by=["asset__name"],
)
exempt(AssetPriority, reason="names the commissioner who linked an asset to a priority: their work, not a record about them")
exempt(AssetOutcome, reason="names the commissioner who linked an asset to an outcome: their work, not a record about them")
