"""Reading the asset map. Filters, "open now" and distances are worked out in SQL, so the search
runs the same few queries whatever the number of assets."""

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import (
    Avg,
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
)
from django.contrib.postgres.search import SearchQuery
from django.db.models.functions import Lower, StrIndex
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from commissioning.models import Activity, Programme

from .geo import (
    MILES_TO_KM,
    Point,
    box,
    distance_km,
    normalise_postcode,
    place_key,
    postcode_key,
)
from .models import Asset, AssetModerator, MappingExercise, OpeningTime, Place, PlanAsset, Suggestion

ACCESS_FLAGS = {
    "step_free": "Step-free access",
    "hearing_loop": "Hearing loop",
    "quiet_space": "Quiet space",
    "bsl": "British Sign Language (BSL)",
}


@dataclass
class Search:
    """What someone searched for, already checked by the search form."""

    text: str = ""
    categories: list[str] = field(default_factory=list)
    age_groups: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    costs: list[str] = field(default_factory=list)
    access: list[str] = field(default_factory=list)
    open_now: bool = False
    near: Point | None = None
    within_miles: float = 2.0
    include_online: bool = False
    now: datetime.datetime | None = None


def public_assets() -> QuerySet[Asset]:
    return Asset.objects.filter(status__in=Asset.PUBLIC_STATUSES)


def open_at(moment: datetime.datetime):
    """A condition: the asset has an opening on that weekday spanning that time."""
    local = timezone.localtime(moment)
    return Exists(OpeningTime.objects.filter(
        asset=OuterRef("pk"), weekday=local.weekday(), opens__lte=local.time(), closes__gt=local.time(),
    ))


def words_query(text: str) -> SearchQuery | None:
    """What someone typed, as a full-text query: every word, each also as the start of a longer
    word ("swim" finds "swimming", "garden" finds "gardeners"). None if it has no words."""
    words = re.findall(r"[^\W_]+", text.lower())
    if not words:
        return None
    return SearchQuery(" & ".join(f"{word}:*" for word in words), search_type="raw", config="english")


# What a list of results shows (and the map's markers): a row of the search reads nothing else.
LISTED = ("pk", "name", "category", "cost", "description", "postcode", "online", "step_free", "latitude", "longitude", "status")


def search(criteria: Search) -> QuerySet[Asset]:
    found = public_assets().only(*LISTED)
    if criteria.text.strip():
        query = words_query(criteria.text)
        found = found.filter(search_words=query) if query is not None else found.none()
    if criteria.categories:
        found = found.filter(category__in=criteria.categories)
    if criteria.age_groups:
        found = found.filter(age_groups__overlap=criteria.age_groups)
    if criteria.needs:
        found = found.filter(needs__overlap=criteria.needs)
    if criteria.costs:
        found = found.filter(cost__in=criteria.costs)
    for flag in criteria.access:
        if flag in ACCESS_FLAGS:
            found = found.filter(**{flag: True})
    if criteria.open_now:
        found = found.filter(open_at(criteria.now or timezone.now()))
    if criteria.near is None:
        return found.annotate(distance=Value(None, output_field=FloatField())).order_by("name", "pk")
    km = criteria.within_miles * MILES_TO_KM
    nearby = box(criteria.near, km) & Q(latitude__isnull=False)
    if criteria.include_online:
        nearby |= Q(latitude__isnull=True) & (Q(online=True) | Q(no_fixed_place=True))
    found = found.filter(nearby).annotate(distance=distance_km(criteria.near))
    within = Q(distance__lte=km) | Q(distance__isnull=True) if criteria.include_online else Q(distance__lte=km)
    return found.filter(within).order_by(F("distance").asc(nulls_last=True), "name", "pk")


def resolve_place(text: str) -> Point | None:
    """A postcode or place name typed by someone -> coordinates, from the Place table, or else
    from published assets with that postcode (their average position). One or two queries."""
    text = (text or "").strip()
    postcode = normalise_postcode(text)
    key = postcode_key(postcode) if postcode else place_key(text)
    place = Place.objects.filter(key=key).first()
    if place is None and not postcode:
        place = Place.objects.filter(kind=Place.Kind.PLACE, key__startswith=key).order_by("key").first()
    if place is not None:
        return Point(float(place.latitude), float(place.longitude), place.name)
    if postcode:
        centre = public_assets().filter(postcode=postcode, latitude__isnull=False).aggregate(
            lat=Avg("latitude"), lon=Avg("longitude"),
        )
        if centre["lat"] is not None:
            return Point(float(centre["lat"]), float(centre["lon"]), postcode)
    return None


def asset_or_404(asset_id: int) -> Asset:
    found = (
        Asset.objects.select_related("responsible_organisation", "found_by_activity__programme", "added_by", "last_checked_by")
        .prefetch_related(Prefetch("opening_times", queryset=OpeningTime.objects.order_by("weekday", "opens")))
        .filter(pk=asset_id).first()
    )
    if found is None:
        raise Http404
    return found


def duplicates_of(asset: Asset) -> QuerySet[Asset]:
    """Assets that may be the same one: the same name ignoring case, spaces and small words; or
    at the same postcode with one name inside the other ("Hub" and "The Hub Café")."""
    same_name = Q(name_key=asset.name_key) | Q(name__iexact=asset.name)
    conditions = same_name
    if asset.postcode and asset.name_key:
        conditions |= Q(postcode=asset.postcode, name_key__gt="") & (
            Q(name_key__contains=asset.name_key) | Q(inside__gt=0)
        )
    return (
        Asset.objects.exclude(pk=asset.pk).exclude(status=Asset.Status.DECLINED)
        .annotate(inside=StrIndex(Value(asset.name_key), F("name_key")))
        .filter(conditions).order_by("name", "pk")
    )


def _duplicate_exists():
    """For a list of suggested assets: whether each may duplicate another, as one subquery."""
    others = (
        Asset.objects.exclude(pk=OuterRef("asset_id")).exclude(status=Asset.Status.DECLINED)
        .annotate(inside=StrIndex(OuterRef("asset__name_key"), F("name_key")))
    )
    same_postcode = Q(postcode=OuterRef("asset__postcode"), postcode__gt="", name_key__gt="")
    return Exists(others.filter(
        Q(name_key=OuterRef("asset__name_key"))
        | same_postcode & (Q(name_key__contains=OuterRef("asset__name_key")) | Q(inside__gt=0))
    ))


def review_queue() -> QuerySet[Suggestion]:
    return (
        Suggestion.objects.filter(status=Suggestion.Status.WAITING)
        .select_related("asset", "suggested_by")
        .annotate(may_duplicate=_duplicate_exists())
        .order_by("suggested_at", "pk")
    )


def suggestion_or_404(suggestion_id: int) -> Suggestion:
    found = Suggestion.objects.select_related("asset", "suggested_by", "reviewed_by").filter(pk=suggestion_id).first()
    if found is None:
        raise Http404
    return found


def suggestions_by(user) -> QuerySet[Suggestion]:
    return Suggestion.objects.filter(suggested_by=user).select_related("asset").order_by("-suggested_at", "-pk")


def needs_checking() -> QuerySet[Asset]:
    return Asset.objects.filter(status=Asset.Status.NEEDS_CHECKING).order_by(F("last_checked_on").asc(nulls_first=True), "name", "pk")


def moderators() -> QuerySet[AssetModerator]:
    return AssetModerator.objects.select_related("user", "appointed_by").order_by(Lower("user__full_name"), "pk")


def moderator_or_404(*, moderator_id: int) -> AssetModerator:
    return get_object_or_404(AssetModerator.objects.select_related("user"), pk=moderator_id)


def plan_assets(plan) -> list[PlanAsset]:
    return list(PlanAsset.objects.filter(plan=plan).select_related("asset", "added_by").order_by("asset__name"))


def plan_assets_of_person(*, person) -> list[PlanAsset]:
    """The local assets added to any version of the person's plan, each once (its latest link), by name. One query."""
    links = PlanAsset.objects.filter(plan__person=person).select_related("asset").order_by("asset__name", "-added_at")
    seen, unique = set(), []
    for link in links:
        if link.asset_id not in seen:
            seen.add(link.asset_id)
            unique.append(link)
    return unique


def plan_asset_or_404(*, person, link_id: int) -> PlanAsset:
    """One asset on the person's plan; another person's link is not found."""
    return get_object_or_404(PlanAsset.objects.select_related("plan__person__user", "asset"), pk=link_id, plan__person=person)


def asset_links_in(*, asset: Asset, programme: Programme) -> dict[str, list]:
    """The programme's priorities and outcomes the asset is linked to now, for the links form."""
    return {
        "priorities": list(asset.priorities.filter(programme=programme)),
        "outcomes": list(asset.outcomes.filter(programme=programme)),
    }


def mapping_activity(*, activity_id: int) -> Activity | None:
    """The asset mapping walk with this id, with its programme for the permission check."""
    return Activity.objects.select_related("programme").filter(pk=activity_id, kind="asset_mapping").first()


def mapping_exercises(*, programme: Programme) -> list[MappingExercise]:
    """The programme's mapping walks and groups, newest first."""
    return list(
        MappingExercise.objects.filter(activity__programme=programme).select_related("activity")
        .order_by("-activity__happened_on", "pk")
    )


def mapping_exercise_or_404(*, programme: Programme, exercise_id: int) -> MappingExercise:
    return get_object_or_404(MappingExercise.objects.select_related("activity"), pk=exercise_id, activity__programme=programme)


def mapping_participants(*, exercise: MappingExercise) -> list:
    """The group members who took part in the walk, with their accounts."""
    return list(exercise.activity.participants.select_related("user"))


def found_by(activity) -> QuerySet[Asset]:
    return Asset.objects.filter(found_by_activity=activity).exclude(status=Asset.Status.DECLINED).order_by("name", "pk")


@dataclass
class Coverage:
    title: str
    kind: str
    asset_count: int
    assets: list


def coverage(*, programme: Programme) -> list[Coverage]:
    """Each of the programme's outcomes (the outcomes framework) and priorities, with the public
    assets linked to it; those with none are gaps. Two queries."""
    from commissioning.priorities.models import Outcome, Priority

    public = Q(assets__status__in=Asset.PUBLIC_STATUSES)
    linked = Prefetch("assets", queryset=public_assets().only("pk", "name").order_by("name", "pk"), to_attr="public_assets")
    outcomes = (
        Outcome.objects.filter(programme=programme).annotate(asset_count=Count("assets", filter=public, distinct=True))
        .prefetch_related(linked).order_by("position", "pk")
    )
    priorities = (
        Priority.objects.filter(programme=programme).annotate(asset_count=Count("assets", filter=public, distinct=True))
        .prefetch_related(linked).order_by("kind", "title", "pk")
    )
    rows = [Coverage(str(outcome), "Outcome in the framework", outcome.asset_count, outcome.public_assets) for outcome in outcomes]
    rows += [Coverage(priority.title, priority.get_kind_display(), priority.asset_count, priority.public_assets) for priority in priorities]
    return rows


def linkable_assets() -> QuerySet[Asset]:
    return public_assets().order_by("name", "pk")
