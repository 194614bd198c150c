"""Who may do what with the asset map. Published assets are public, a deliberate exception to
default-deny, and show only their public fields. Anyone signed in suggests assets and
corrections and sees what happened to their own suggestions. Commissioners and named community
moderators review, publish and check. Practitioners add assets to the plans they may change."""

import rules

from commissioning.rules import is_commissioner
from coproduction.accounts.models import Role
from coproduction.accounts.rules import has_role, is_administrator
from coproduction.core.rules_cache import cached_for_request


@rules.predicate
def is_asset_moderator(user) -> bool:
    """A community moderator named by the council (an AssetModerator record), read once per request."""
    if not user.is_authenticated:
        return False

    def load() -> bool:
        from .models import AssetModerator

        return AssetModerator.objects.filter(user=user).exists()

    return cached_for_request(user, "assets.is_moderator", load)


@rules.predicate
def is_public_asset(user, asset) -> bool:
    return asset is not None and asset.is_public


@rules.predicate
def suggested_it(user, asset) -> bool:
    return asset is not None and user.is_authenticated and asset.added_by_id == user.pk


can_moderate = is_commissioner | is_asset_moderator

# The search page, the map and a published asset's public page: everyone, signed in or not.
rules.add_perm("assets.view_map", rules.always_allow)
# An asset's page: public once published; before that, the person who suggested it and moderators.
rules.add_perm("assets.view_asset", is_public_asset | suggested_it | can_moderate)
# The contact details of a private individual who runs an asset, and who suggested what.
rules.add_perm("assets.view_private_details", can_moderate)
# Suggesting an asset or a correction, and reading one's own suggestions.
rules.add_perm("assets.suggest_asset", rules.is_authenticated)
# Reviewing suggestions, publishing, marking checked or closed, the "needs checking" list.
rules.add_perm("assets.moderate_asset", can_moderate)
# Naming community moderators.
rules.add_perm("assets.appoint_moderator", is_commissioner | is_administrator)
# Linking assets to a programme's priorities and outcomes, and recording mapping walks.
rules.add_perm("assets.link_asset", is_commissioner)
# Adding a published asset to a care plan's support: whoever may change that plan
# (checked against the plan with careplans.change_plan as well).
rules.add_perm("assets.add_to_plan", has_role(Role.PRACTITIONER) | has_role(Role.TEAM_MANAGER))


# --- Open data and import -------------------------------------------------------------------
# The Open Referral UK feed, its download and the page about it: published assets' public
# fields only, for anyone, signed in or not (directories elsewhere read it without an account).
rules.add_perm("assets.view_open_data", rules.always_allow)
# Importing assets from a CSV file: imported assets are published, so only those who publish.
rules.add_perm("assets.import_assets", can_moderate)
