"""Writes for networks: members, the way of working and its agreement, discussions, the
library, meetings (papers in each member's format, minutes agreed by all), alliances, and a
peer support network's listing on the asset map. Each write is audited."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from commissioning.involvement.selectors import preferred_formats
from commissioning.involvement.services import claim_enter
from commissioning.models import ActivityKind, LadderRung
from commissioning.participants import activity_attendance_record
from commissioning.services import activity_record, stage_for_activity
from commissioning.listings import CommunityListing, listing_publish, listing_withdraw
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost

from . import notices
from .models import (
    Alliance,
    AllianceShare,
    LibraryItem,
    Network,
    NetworkMeeting,
    NetworkMeetingPaper,
    NetworkMeetingPlace,
    NetworkMember,
    Post,
    Thread,
    WayOfWorking,
    WayOfWorkingAgreement,
)

CREATE, CHANGE, DELETE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE, AuditEvent.Action.DELETE


@transaction.atomic
def network_create(*, data: dict, by, founder=None, request=None) -> Network:
    """A commissioner sets a network up. A peer support network starts with a founding member
    (a person who uses services or a carer) who moderates it: from then on its members run it."""
    data = dict(data)
    founder = data.pop("founder", founder)
    if data.get("kind") == Network.Kind.PEER_SUPPORT and founder is None:
        raise ValidationError({"founder": "Select the person who will start and moderate the peer support network"})
    network = Network.objects.create(created_by=by, **data)
    audit_record(actor=by, action=CREATE, obj=network, request=request)
    if founder is not None:
        kind = NetworkMember.Kind.CARER if "carer" in (founder.roles or []) else NetworkMember.Kind.PERSON
        member_add(network=network, by=by, request=request, data={
            "user": founder, "kind": kind, "is_moderator": network.is_peer_support})
    return network


@transaction.atomic
def member_add(*, network: Network, data: dict, by, request=None) -> NetworkMember:
    user, organisation = data.get("user"), data.get("organisation")
    if (user is None) == (organisation is None):
        raise ValidationError({"user": "Select a person or an organisation, not both"})
    found = NetworkMember.objects.select_for_update().filter(
        network=network, **({"user": user} if user else {"organisation": organisation})).first()
    if found is not None and found.left_on is None:
        raise ValidationError({"user" if user else "organisation": f"{found.name} is already a member of this network"})
    member = found or NetworkMember(network=network, user=user, organisation=organisation, added_by=by)
    member.kind, member.is_moderator = data["kind"], bool(data.get("is_moderator"))
    member.left_on, member.joined_on = None, timezone.localdate()
    member.save()
    audit_record(actor=by, action=CREATE, obj=member, subject=None, request=request, detail="network member added")
    return member


@transaction.atomic
def member_leave(*, member: NetworkMember, by, request=None) -> NetworkMember:
    if member.left_on is None:
        member.left_on = timezone.localdate()
        member.save(update_fields=["left_on"])
        audit_record(actor=by, action=CHANGE, obj=member, request=request, detail="left the network")
        if member.user_id:
            access_lost(user_id=member.user_id)
    return member


# --- The way of working ----------------------------------------------------------------------


@transaction.atomic
def way_of_working_write(*, network: Network, text: str, by, request=None) -> WayOfWorking:
    """A new version: members agree it afresh, as it is not what they agreed before."""
    Network.objects.select_for_update().filter(pk=network.pk).first()
    latest = network.ways_of_working.aggregate(latest=Max("version"))["latest"] or 0
    current = network.ways_of_working.filter(version=latest).first()
    if current is not None and current.text.strip() == text.strip():
        raise ValidationError({"text": "Change the way of working before saving a new version"})
    version = WayOfWorking.objects.create(network=network, version=latest + 1, text=text, written_by=by)
    audit_record(actor=by, action=CREATE, obj=version, request=request)
    return version


@transaction.atomic
def way_of_working_agree(*, way_of_working: WayOfWorking, member: NetworkMember, by, request=None) -> WayOfWorkingAgreement:
    latest = way_of_working.network.ways_of_working.aggregate(latest=Max("version"))["latest"]
    if way_of_working.version != latest:
        raise ValidationError("There is a newer version of the way of working: agree that one.")
    agreement, created = WayOfWorkingAgreement.objects.get_or_create(
        way_of_working=way_of_working, member=member, defaults={"agreed_by": by})
    if created:
        audit_record(actor=by, action=CREATE, obj=agreement, request=request, detail="way of working agreed")
    return agreement


# --- Discussions and the library -------------------------------------------------------------


@transaction.atomic
def thread_start(*, network: Network, title: str, text: str, by, request=None) -> Thread:
    thread = Thread.objects.create(network=network, title=title, started_by=by)
    post_add(thread=thread, text=text, by=by, request=request)
    return thread


@transaction.atomic
def post_add(*, thread: Thread, text: str, by, request=None) -> Post:
    post = Post.objects.create(thread=thread, author=by, text=text)
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.posted_at)
    audit_record(actor=by, action=CREATE, obj=post, subject=by, request=request)
    return post


@transaction.atomic
def post_hide(*, post: Post, by, request=None) -> Post:
    if post.hidden_at is None:
        post.hidden_at, post.hidden_by = timezone.now(), by
        post.save(update_fields=["hidden_at", "hidden_by"])
        audit_record(actor=by, action=CHANGE, obj=post, request=request, detail="post hidden by a moderator")
    return post


@transaction.atomic
def library_add(*, network: Network, data: dict, by, request=None) -> LibraryItem:
    item = LibraryItem.objects.create(network=network, added_by=by, **data)
    audit_record(actor=by, action=CREATE, obj=item, request=request)
    return item


# --- Meetings ----------------------------------------------------------------------------------


@transaction.atomic
def meeting_create(*, network: Network, data: dict, by, request=None) -> NetworkMeeting:
    """A meeting; in a network a programme supports, also an activity of that programme, so who
    came is counted in "Who took part" and recognised through its involvement ledger."""
    activity = None
    if network.programme_id is not None:
        activity = activity_record(programme=network.programme, by=by, data={
            "kind": ActivityKind.MEETING, "title": f"{network.name}: {data['title']}"[:200],
            "stage": stage_for_activity(programme=network.programme, kind=ActivityKind.MEETING),
            "ladder_rung": LadderRung.CO_PRODUCING, "summary": network.aim[:2000],
        })
    meeting = NetworkMeeting.objects.create(network=network, activity=activity, created_by=by, **data)
    audit_record(actor=by, action=CREATE, obj=meeting, request=request)
    return meeting


@transaction.atomic
def paper_add(*, meeting: NetworkMeeting, data: dict, by, request=None) -> NetworkMeetingPaper:
    position = (meeting.papers.aggregate(last=Max("position"))["last"] or 0) + 1
    paper = NetworkMeetingPaper.objects.create(meeting=meeting, added_by=by, position=position, **data)
    audit_record(actor=by, action=CREATE, obj=paper, request=request)
    return paper


@transaction.atomic
def papers_send(*, meeting: NetworkMeeting, by, request=None) -> list[NetworkMeetingPlace]:
    """Every current member (a person) gets a place at the meeting and the papers in the format
    their involvement profile asks for."""
    meeting = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.papers.exists():
        raise ValidationError("Add at least one paper before sending the papers.")
    members = list(meeting.network.members.filter(left_on__isnull=True, user__isnull=False).select_related("user"))
    formats = preferred_formats([member.user_id for member in members])
    existing = {place.member_id: place for place in meeting.places.all()}
    now = timezone.now()
    places = []
    for member in members:
        place = existing.get(member.pk) or NetworkMeetingPlace(meeting=meeting, member=member)
        place.member = member  # with its user, for the notices
        place.papers_format, place.papers_sent_at = formats[member.user_id], now
        places.append(place)
    NetworkMeetingPlace.objects.bulk_create([p for p in places if p.pk is None])
    NetworkMeetingPlace.objects.bulk_update([p for p in places if p.pk is not None], ["papers_format", "papers_sent_at"])
    meeting.papers_sent_at = now
    meeting.save(update_fields=["papers_sent_at"])
    audit_record(actor=by, action=CHANGE, obj=meeting, request=request, detail=f"papers sent to {len(places)} members")
    notices.papers_sent(meeting=meeting, places=places)
    return places


@transaction.atomic
def attendance_record(*, meeting: NetworkMeeting, attended_ids: set[int], by, request=None) -> list[NetworkMeetingPlace]:
    """Who came (by member), once the meeting has happened. Every current member with an account
    gets a place if they have none (papers may not have been sent), so each is recorded."""
    locked = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.date > timezone.localdate():
        raise ValidationError({"attended": "You can record who came once the meeting has happened"})
    current = set(locked.network.members.filter(left_on__isnull=True, user__isnull=False).values_list("pk", flat=True))
    have = set(locked.places.values_list("member_id", flat=True))
    if not set(attended_ids) <= current | have:
        raise ValidationError({"attended": "Select members from the list"})
    NetworkMeetingPlace.objects.bulk_create([NetworkMeetingPlace(meeting=locked, member_id=pk) for pk in sorted(current - have)])
    places = list(locked.places.select_for_update())
    for place in places:
        place.attended = place.member_id in attended_ids
    NetworkMeetingPlace.objects.bulk_update(places, ["attended"])
    if locked.activity_id is not None:
        came = list(NetworkMember.objects.filter(pk__in=attended_ids, user__isnull=False).values_list("user_id", flat=True))
        activity_attendance_record(activity=locked.activity, came_user_ids=came, happened_on=locked.date)
    audit_record(actor=by, action=CHANGE, obj=locked, request=request, detail=f"attendance recorded: {len(attended_ids)} came")
    return places


@transaction.atomic
def minutes_put_forward(*, meeting: NetworkMeeting, minutes: str, by, request=None) -> NetworkMeeting:
    """Changed minutes go back to everyone: earlier agreement was to other words. Every current
    member has a place, so every one of them is asked."""
    locked = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.date > timezone.localdate():
        raise ValidationError({"minutes": "You can write the minutes once the meeting has happened"})
    locked.minutes, locked.minutes_put_forward_at = minutes, timezone.now()
    locked.save(update_fields=["minutes", "minutes_put_forward_at"])
    have = set(locked.places.values_list("member_id", flat=True))
    NetworkMeetingPlace.objects.bulk_create([
        NetworkMeetingPlace(meeting=locked, member=member)
        for member in locked.network.members.filter(left_on__isnull=True, user__isnull=False).exclude(pk__in=have)
    ])
    locked.places.update(minutes_agreed_at=None)
    audit_record(actor=by, action=CHANGE, obj=locked, request=request, detail="minutes put forward for agreement")
    return locked


@transaction.atomic
def minutes_agree(*, meeting: NetworkMeeting, by, request=None) -> NetworkMeetingPlace:
    locked = NetworkMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.minutes_put_forward_at is None:
        raise ValidationError("The minutes have not been put forward for agreement yet.")
    place = locked.places.filter(member__user=by).first()
    if place is None:
        raise ValidationError("Only members asked to agree the minutes can agree them.")
    if place.minutes_agreed_at is None:
        place.minutes_agreed_at = timezone.now()
        place.save(update_fields=["minutes_agreed_at"])
        audit_record(actor=by, action=CHANGE, obj=place, request=request, detail="minutes agreed")
    return place


def recognition_record(*, meeting: NetworkMeeting, place: NetworkMeetingPlace, category: str, amount, description: str = "",
                       rate=None, units=None, by, request=None):
    """Recognition or expenses for a member who came, in the ledger of the programme supporting the network."""
    if meeting.activity_id is None:
        raise ValidationError("This network has no programme, so its meetings are not paid through a ledger")
    if place is None or place.meeting_id != meeting.pk or not place.attended:
        raise ValidationError({"member": "Select a member who came to the meeting"})
    return claim_enter(by=by, claimant=place.member.user, activity=meeting.activity, category=category, amount=amount,
                       description=(description or "").strip(), rate=rate, units=units, request=request)


# --- Alliances ----------------------------------------------------------------------------------


def _shares_add_up(shares: list[dict]) -> None:
    """Risk and reward are each shared out in full between the member providers."""
    errors = {}
    for name, words in (("risk_share", "risk"), ("reward_share", "reward")):
        total = sum((share[name] for share in shares), Decimal(0))
        if total != 100:
            errors[name] = f"The shares of the {words} must add up to 100%: they add up to {total.normalize():f}%"
    organisations = [share["organisation"].pk for share in shares]
    if len(set(organisations)) != len(organisations):
        errors["organisation"] = "Each provider can have only one share"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def alliance_create(*, network: Network, data: dict, shares: list[dict], by, request=None) -> Alliance:
    data = dict(data)
    outcomes, contracts = data.pop("outcomes"), data.pop("contracts", [])
    if data["ends_on"] < data["starts_on"]:
        raise ValidationError({"ends_on": "The end of the term must be on or after its start"})
    if len(shares) < 2:
        raise ValidationError("An alliance needs at least two member providers")
    _shares_add_up(shares)
    alliance = Alliance.objects.create(network=network, created_by=by, **data)
    alliance.outcomes.set(outcomes)
    alliance.contracts.set(contracts)
    AllianceShare.objects.bulk_create([AllianceShare(alliance=alliance, **share) for share in shares])
    audit_record(actor=by, action=CREATE, obj=alliance, request=request)
    return alliance


# --- A peer support network on the asset map --------------------------------------------------


@transaction.atomic
def listing_set(*, network: Network, listed: bool, description: str = "", by, request=None) -> Network:
    """Its members choose to list it on the asset map (only its name and what it is for: never
    who its members are), or to take it off."""
    locked = Network.objects.select_for_update().get(pk=network.pk)
    if listed:
        locked.listed_asset_id = listing_publish(by=by, asset_id=locked.listed_asset_id, listing=CommunityListing(
            name=locked.name, description=description or locked.aim, run_by=f"{locked.name}, run by its members",
        ))
        detail = "listed on the asset map"
    else:
        if locked.listed_asset_id:
            listing_withdraw(asset_id=locked.listed_asset_id, by=by)
        locked.listed_asset = None
        detail = "taken off the asset map"
    locked.save(update_fields=["listed_asset"])
    audit_record(actor=by, action=CHANGE, obj=locked, request=request, detail=detail)
    network.listed_asset_id = locked.listed_asset_id
    return locked
