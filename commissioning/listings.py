"""Listing a community group on the asset map. A sub-app whose records can be community assets
(a peer support network, say) hands a listing here; the assets app registers, in its
AppConfig.ready(), what listing and withdrawing mean on the map. So neither names the other."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CommunityListing:
    """What the map shows about a group: public words only, never who its members are."""

    name: str
    description: str
    needs: list[str] = field(default_factory=list)  # the asset map's Need values it is especially for
    online: bool = True
    website: str = ""
    run_by: str = ""


_handlers: dict[str, Callable] = {}


def register_listing_handlers(*, publish: Callable[..., int], withdraw: Callable[..., None]) -> None:
    """publish(listing=, asset_id=, by=) -> the asset's id; withdraw(asset_id=, by=)."""
    _handlers["publish"], _handlers["withdraw"] = publish, withdraw


def listing_available() -> bool:
    return "publish" in _handlers


def listing_publish(*, listing: CommunityListing, asset_id: int | None, by) -> int:
    """List the group (or update its listing) and return the id of the asset it is listed as."""
    return _handlers["publish"](listing=listing, asset_id=asset_id, by=by)


def listing_withdraw(*, asset_id: int, by) -> None:
    _handlers["withdraw"](asset_id=asset_id, by=by)
