"""What listing a community group on the asset map means here (see commissioning.listings): a
published association, run by the group itself, with no fixed place; withdrawing closes it."""

from django.db import transaction
from django.utils import timezone

from commissioning.listings import CommunityListing
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .models import Asset, Category, Need


@transaction.atomic
def listing_publish(*, listing: CommunityListing, asset_id: int | None, by) -> int:
    asset = Asset.objects.select_for_update().filter(pk=asset_id).first() if asset_id else None
    created = asset is None
    if created:
        asset = Asset(added_by=by, category=Category.ASSOCIATION, no_fixed_place=True)
    asset.name, asset.description, asset.online, asset.website = listing.name, listing.description, listing.online, listing.website
    asset.needs = [need for need in listing.needs if need in Need.values]
    asset.responsible_name = listing.run_by
    asset.status, asset.last_checked_on, asset.last_checked_by = Asset.Status.PUBLISHED, timezone.localdate(), by
    asset.published_at = asset.published_at or timezone.now()
    asset.save()
    audit_record(actor=by, action=AuditEvent.Action.CREATE if created else AuditEvent.Action.CHANGE, obj=asset,
                 detail="community group listed on the asset map")
    return asset.pk


@transaction.atomic
def listing_withdraw(*, asset_id: int, by) -> None:
    asset = Asset.objects.select_for_update().filter(pk=asset_id).first()
    if asset is not None and asset.status != Asset.Status.CLOSED:
        asset.status = Asset.Status.CLOSED
        asset.save(update_fields=["status", "updated_at"])
        audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=asset, detail="community group taken off the asset map")
