"""Writing the asset map. Suggestions (new assets and corrections) are personal data of the
person who made them: every write is audited with them as the subject. Publishing checks for
likely duplicates first and refuses to publish a private individual's gift without consent."""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioning.participants import activity_participants_set
from commissioning.models import Activity, ActivityKind, Programme
from commissioning.services import stage_for_activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from . import selectors
from .geo import normalise_postcode, place_key, postcode_key, valid_coordinates
from .models import (
    Asset,
    AssetModerator,
    AssetOutcome,
    AssetPriority,
    MappingExercise,
    OpeningTime,
    Place,
    PlanAsset,
    Suggestion,
)

# The fields a suggestion or a correction may set; everything else is the moderators' to set.
EDITABLE_FIELDS = (
    "name", "category", "description", "age_groups", "needs", "communities",
    "contact_name", "phone", "email", "website", "opening_notes", "cost", "cost_details",
    "step_free", "hearing_loop", "quiet_space", "bsl", "languages", "accessibility_notes",
    "address", "postcode", "uprn", "latitude", "longitude", "no_fixed_place", "online", "tags",
    "responsible_name", "responsible_is_private", "consent_to_publish",
)
DUPLICATE_MESSAGE = "This may be the same as an asset already on the map. Check the list, then confirm it is different."
CONSENT_MESSAGE = "A private individual must agree to their skill or gift being listed before it is published."


def _clean(data: dict) -> dict:
    """Checks the service cannot leave to the form (imports and corrections use it too)."""
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"These cannot be set: {', '.join(sorted(unknown))}")
    cleaned = dict(data)
    if cleaned.get("postcode"):
        postcode = normalise_postcode(cleaned["postcode"])
        if postcode is None:
            raise ValidationError({"postcode": "Enter a real postcode, like LA9 4DL"})
        cleaned["postcode"] = postcode
    lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
    if (lat is None) != (lon is None):
        raise ValidationError({"latitude": "Enter both the latitude and the longitude, or neither"})
    if lat is not None and not valid_coordinates(lat, lon):
        raise ValidationError({"latitude": "Latitude must be between -90 and 90 and longitude between -180 and 180"})
    return cleaned


def _to_json(value):
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if value is not None and not isinstance(value, bool | int | float | str | list | dict):
        return str(value)  # Decimal coordinates
    return value


def _set_opening_times(asset: Asset, opening_times: Iterable[tuple[int, datetime.time, datetime.time]] | None) -> None:
    if opening_times is None:
        return
    rows = [OpeningTime(asset=asset, weekday=day, opens=opens, closes=closes) for day, opens, closes in opening_times]
    for row in rows:
        if row.closes <= row.opens:
            raise ValidationError("Each closing time must be after its opening time")
    asset.opening_times.all().delete()
    OpeningTime.objects.bulk_create(rows)


@transaction.atomic
def asset_suggest(*, by, data: dict, opening_times=None, found_by_activity: Activity | None = None, note: str = "", request=None) -> Suggestion:
    """Anyone signed in suggests a new asset. It waits, unpublished, for a moderator."""
    cleaned = _clean(data)
    asset = Asset(**cleaned, added_by=by, status=Asset.Status.SUGGESTED, found_by_activity=found_by_activity)
    asset.full_clean(exclude=["added_by", "name_key"])
    asset.save()
    _set_opening_times(asset, opening_times)
    suggestion = Suggestion.objects.create(asset=asset, kind=Suggestion.Kind.NEW, suggested_by=by, note=note)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=suggestion, subject=by, request=request, detail="asset suggested")
    return suggestion


@transaction.atomic
def correction_suggest(*, asset: Asset, by, data: dict, note: str = "", request=None) -> Suggestion:
    """A suggested change to a published asset: only the fields that differ are kept."""
    cleaned = _clean(data)
    changes = {name: _to_json(value) for name, value in cleaned.items() if _to_json(getattr(asset, name)) != _to_json(value)}
    if not changes and not note.strip():
        raise ValidationError("Change at least one answer, or say what is wrong in the note")
    suggestion = Suggestion.objects.create(asset=asset, kind=Suggestion.Kind.CORRECTION, suggested_by=by, changes=changes, note=note)
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=suggestion, subject=by, request=request, detail="asset correction suggested")
    return suggestion


def _checked(asset: Asset, by) -> None:
    asset.last_checked_on = timezone.localdate()
    asset.last_checked_by = by


@transaction.atomic
def suggestion_review(*, suggestion: Suggestion, by, accept: bool, reply: str = "", not_a_duplicate: bool = False, request=None) -> Suggestion:
    """A moderator accepts (publishing a new asset, or applying a correction) or declines. The
    person who suggested it sees the outcome and the reply on "My suggestions"."""
    suggestion = Suggestion.objects.select_for_update().select_related("asset").get(pk=suggestion.pk)
    if suggestion.status != Suggestion.Status.WAITING:
        raise ValidationError("Someone has already reviewed this suggestion")
    asset = suggestion.asset
    if accept:
        if suggestion.kind == Suggestion.Kind.NEW:
            if selectors.duplicates_of(asset).exists() and not not_a_duplicate:
                raise ValidationError({"not_a_duplicate": DUPLICATE_MESSAGE})
            if asset.responsible_is_private and not asset.consent_to_publish:
                raise ValidationError(CONSENT_MESSAGE)
            asset.status, asset.published_at = Asset.Status.PUBLISHED, timezone.now()
        else:
            for name, value in suggestion.changes.items():
                if name in EDITABLE_FIELDS:
                    setattr(asset, name, value)
            cleaned = _clean({name: getattr(asset, name) for name in suggestion.changes if name in EDITABLE_FIELDS})
            for name, value in cleaned.items():
                setattr(asset, name, value)
            if asset.responsible_is_private and not asset.consent_to_publish and asset.is_public:
                raise ValidationError(CONSENT_MESSAGE)
            asset.full_clean(exclude=["added_by", "name_key"])
        _checked(asset, by)
        asset.save()
    elif suggestion.kind == Suggestion.Kind.NEW:
        asset.status = Asset.Status.DECLINED
        asset.save(update_fields=["status", "updated_at"])
    suggestion.status = Suggestion.Status.ACCEPTED if accept else Suggestion.Status.DECLINED
    suggestion.reviewed_by, suggestion.reviewed_at, suggestion.reply = by, timezone.now(), reply
    suggestion.save(update_fields=["status", "reviewed_by", "reviewed_at", "reply"])
    audit_record(
        actor=by, action=AuditEvent.Action.CHANGE, obj=suggestion, subject=suggestion.suggested_by, request=request,
        detail="asset suggestion accepted" if accept else "asset suggestion declined",
    )
    return suggestion


@transaction.atomic
def asset_update(*, asset: Asset, by, data: dict, opening_times=None, request=None) -> Asset:
    """A moderator changes an asset directly; that counts as checking it."""
    for name, value in _clean(data).items():
        setattr(asset, name, value)
    if asset.is_public and asset.responsible_is_private and not asset.consent_to_publish:
        raise ValidationError(CONSENT_MESSAGE)
    asset.full_clean(exclude=["added_by", "name_key"])
    _checked(asset, by)
    asset.save()
    _set_opening_times(asset, opening_times)
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=asset, request=request, detail="asset changed")
    return asset


@transaction.atomic
def asset_mark_checked(*, asset: Asset, by, request=None) -> Asset:
    """Someone confirmed it is still there and the details are right."""
    if asset.status not in Asset.PUBLIC_STATUSES:
        raise ValidationError("Only a published asset can be marked as checked")
    asset.status = Asset.Status.PUBLISHED
    _checked(asset, by)
    asset.save(update_fields=["status", "last_checked_on", "last_checked_by", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=asset, request=request, detail="asset checked")
    return asset


@transaction.atomic
def asset_close(*, asset: Asset, by, request=None) -> Asset:
    asset.status = Asset.Status.CLOSED
    _checked(asset, by)
    asset.save(update_fields=["status", "last_checked_on", "last_checked_by", "updated_at"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=asset, request=request, detail="asset closed")
    return asset


def stale_cutoff(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) - datetime.timedelta(days=settings.ASSET_STALE_AFTER_DAYS)


def assets_mark_stale(*, today: datetime.date | None = None) -> int:
    """Published assets nobody has checked for ASSET_STALE_AFTER_DAYS become "needs checking".
    One UPDATE, however many assets there are."""
    cutoff = stale_cutoff(today)
    return (
        Asset.objects.filter(status=Asset.Status.PUBLISHED, last_checked_on__lt=cutoff)
        .update(status=Asset.Status.NEEDS_CHECKING, updated_at=timezone.now())
    ) + (
        Asset.objects.filter(status=Asset.Status.PUBLISHED, last_checked_on__isnull=True, added_at__date__lt=cutoff)
        .update(status=Asset.Status.NEEDS_CHECKING, updated_at=timezone.now())
    )


@transaction.atomic
def moderator_appoint(*, user, by, area: str = "") -> AssetModerator:
    moderator, _ = AssetModerator.objects.update_or_create(user=user, defaults={"appointed_by": by, "area": area})
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=moderator, subject=user, detail="asset moderator named")
    return moderator


@transaction.atomic
def moderator_remove(*, moderator: AssetModerator, by) -> None:
    audit_record(actor=by, action=AuditEvent.Action.DELETE, obj=moderator, subject=moderator.user, detail="asset moderator removed")
    moderator.delete()


@transaction.atomic
def plan_asset_add(*, plan, asset: Asset, by, note: str = "", request=None) -> PlanAsset:
    if not asset.is_public:
        raise ValidationError("Only a published asset can be added to a plan")
    link, created = PlanAsset.objects.get_or_create(plan=plan, asset=asset, defaults={"added_by": by, "note": note})
    if not created:
        raise ValidationError("This asset is already in the plan's support")
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=plan, subject=plan.person.user, request=request, detail="local asset added to plan")
    return link


# Where a local asset goes in a plan: an option considered (section "outcomes"), or community
# support that meets a need (section "needs").
PLAN_PLACES = {
    "option": ("outcomes", "options"),
    "support": ("needs", "support"),
}


@transaction.atomic
def plan_asset_choose(*, plan, asset: Asset, place: str, note: str, by, writer: str, request=None):
    """Add a published local asset to a draft plan as an option or as community support, linked
    to its page on the map, in the writer's words (the person's, a representative's, or the team's)."""
    from careplans.services import plan_item_add

    if not asset.is_public:
        raise ValidationError("Only a published asset can be added to a plan")
    if place not in PLAN_PLACES:
        raise ValidationError("Select where it goes in the plan")
    key, list_name = PLAN_PLACES[place]
    link = {"kind": "asset", "id": asset.pk}
    whose = writer if writer in ("person", "representative") else "practitioner"
    if place == "option":
        item = {"option": asset.name, "benefits": note, "link": link, "whose": whose}
    else:
        item = {"need": note or "Getting out and about", "who": asset.name, "kind": "community", "link": link, "whose": whose}
    return plan_item_add(plan=plan, key=key, list_name=list_name, item={k: v for k, v in item.items() if v != ""}, by=by, request=request)


@transaction.atomic
def plan_asset_remove(*, link: PlanAsset, by, request=None) -> None:
    plan = link.plan
    link.delete()
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=plan, subject=plan.person.user, request=request, detail="local asset removed from plan")


@transaction.atomic
def asset_links_set(*, asset: Asset, programme: Programme, priorities, outcomes, by) -> None:
    """Set which of this programme's priorities and outcomes the asset helps with (other
    programmes' links stay as they are)."""
    if any(item.programme_id != programme.pk for item in [*priorities, *outcomes]):
        raise ValidationError("Choose priorities and outcomes from this programme")
    AssetPriority.objects.filter(asset=asset, priority__programme=programme).exclude(priority__in=priorities).delete()
    AssetOutcome.objects.filter(asset=asset, outcome__programme=programme).exclude(outcome__in=outcomes).delete()
    have_p = set(AssetPriority.objects.filter(asset=asset).values_list("priority_id", flat=True))
    have_o = set(AssetOutcome.objects.filter(asset=asset).values_list("outcome_id", flat=True))
    AssetPriority.objects.bulk_create(AssetPriority(asset=asset, priority=p, linked_by=by) for p in priorities if p.pk not in have_p)
    AssetOutcome.objects.bulk_create(AssetOutcome(asset=asset, outcome=o, linked_by=by) for o in outcomes if o.pk not in have_o)


@transaction.atomic
def mapping_exercise_record(
    *, programme: Programme, by, title: str, method: str, area: str = "", happened_on=None, summary: str = "",
    others_taking_part: int = 0, participants=(),
) -> MappingExercise:
    """A walk or focus group that gathered assets, as one of the programme's activities."""
    activity = Activity.objects.create(
        programme=programme, stage=stage_for_activity(programme=programme, kind=ActivityKind.ASSET_MAPPING), kind=ActivityKind.ASSET_MAPPING, title=title,
        happened_on=happened_on, summary=summary, others_taking_part=others_taking_part, recorded_by=by,
    )
    if participants:
        activity_participants_set(activity=activity, members=participants)
    return MappingExercise.objects.create(activity=activity, method=method, area=area)


def _places_save(places: dict) -> None:
    Place.objects.bulk_create(
        places.values(), update_conflicts=True, unique_fields=["key"], update_fields=["kind", "name", "latitude", "longitude"],
    )


def places_load(rows: Iterable[dict], *, batch: int = 5000) -> tuple[int, list[str]]:
    """Load postcodes and place names with their coordinates. Each row has either "postcode"
    (ONS Postcode Directory "pcds" or "pcd") or "place", and "lat"/"long" (or latitude/longitude).
    Rows with a bad postcode or impossible coordinates are listed, not loaded. Saved in batches,
    so the whole national file (2.7 million rows) loads in little memory. Returns the number
    loaded and the problems."""
    places, problems, loaded = {}, [], 0
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        row = {key.strip().lower(): (value or "").strip() for key, value in row.items() if key}
        lat = row.get("lat") or row.get("latitude")
        lon = row.get("long") or row.get("longitude")
        # The ONS file gives postcodes without a grid reference latitude 99.999999.
        if not valid_coordinates(lat, lon):
            problems.append(f"Row {number}: impossible coordinates")
            continue
        raw_postcode = row.get("pcds") or row.get("pcd") or row.get("postcode")
        if raw_postcode:
            postcode = normalise_postcode(raw_postcode)
            if postcode is None:
                problems.append(f"Row {number}: not a UK postcode")
                continue
            key = postcode_key(postcode)
            places[key] = Place(kind=Place.Kind.POSTCODE, name=postcode, key=key, latitude=lat, longitude=lon)
        elif row.get("place"):
            key = place_key(row["place"])
            places[key] = Place(kind=Place.Kind.PLACE, name=row["place"][:100], key=key[:100], latitude=lat, longitude=lon)
        else:
            problems.append(f"Row {number}: no postcode or place name")
            continue
        if len(places) >= batch:
            _places_save(places)
            loaded += len(places)
            places = {}
    if places:
        _places_save(places)
        loaded += len(places)
    return loaded, problems
