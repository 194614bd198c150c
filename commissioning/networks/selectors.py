"""Reads for networks. Each page reads a fixed number of queries whatever the number of
networks, members, threads, posts, meetings or alliances. Keep in step with networks.rules."""

from django.db.models import Count, Q, QuerySet

from commissioning.models import Programme
from coproduction.accounts.models import Organisation, User

from .models import (
    Alliance,
    LibraryItem,
    Network,
    NetworkMeeting,
    NetworkMeetingPaper,
    NetworkMeetingPlace,
    NetworkMember,
    Post,
    Thread,
    WayOfWorking,
)
from .rules import memberships

# The outcomes framework and contracts live in sibling apps: reached through the relations,
# so this app imports neither.
Outcome = Alliance.outcomes.field.related_model
Contract = Alliance.contracts.field.related_model

CURRENT = Q(members__left_on__isnull=True)


def network_list_visible_to(*, user) -> QuerySet[Network]:
    """Every network for commissioners (a peer support network only by its counts), else the
    user's own."""
    networks = Network.objects.annotate(
        member_count=Count("members", filter=CURRENT, distinct=True),
        people_count=Count("members", filter=CURRENT & Q(members__user__isnull=False), distinct=True),
        meeting_count=Count("meetings", distinct=True),
    ).order_by("name", "pk")
    if user.has_perm("networks.add_network"):
        return networks
    return networks.filter(pk__in=list(memberships(user)))


def network_or_none(*, network_id: int) -> Network | None:
    return Network.objects.annotate(member_count=Count("members", filter=CURRENT)).filter(pk=network_id).first()


def current_members(*, network: Network) -> list[NetworkMember]:
    return list(network.members.filter(left_on__isnull=True).select_related("user", "organisation").order_by("kind", "pk"))


def member_for(*, network: Network, user) -> NetworkMember | None:
    return network.members.filter(user=user, left_on__isnull=True).first()


def way_of_working(*, network: Network) -> WayOfWorking | None:
    """The latest version, with how many current members agreed it."""
    return (network.ways_of_working.annotate(agreed_count=Count("agreements", filter=Q(agreements__member__left_on__isnull=True)))
            .order_by("-version").first())


def has_agreed(*, version: WayOfWorking | None, member: NetworkMember | None) -> bool:
    return bool(version and member and version.agreements.filter(member=member).exists())


def threads_of(*, network: Network) -> QuerySet[Thread]:
    return network.threads.select_related("started_by").annotate(post_count=Count("posts")).order_by("-last_post_at", "-pk")


def thread_or_none(*, network: Network, thread_id: int) -> Thread | None:
    thread = Thread.objects.filter(network=network, pk=thread_id).first()
    if thread is not None:
        thread.network = network
    return thread


def posts_of(*, thread: Thread) -> list[Post]:
    return list(thread.posts.select_related("author").order_by("posted_at", "pk"))


def post_or_none(*, thread: Thread, post_id: int) -> Post | None:
    return thread.posts.filter(pk=post_id).first()


def library_of(*, network: Network) -> QuerySet[LibraryItem]:
    return network.library.select_related("added_by").order_by("-added_at", "-pk")


def meetings_of(*, network: Network) -> QuerySet[NetworkMeeting]:
    return network.meetings.annotate(
        place_count=Count("places", distinct=True),
        agreed_count=Count("places", filter=Q(places__minutes_agreed_at__isnull=False), distinct=True),
    ).order_by("-date", "-starts_at", "-pk")


def meeting_or_none(*, network: Network, meeting_id: int) -> NetworkMeeting | None:
    meeting = NetworkMeeting.objects.filter(network=network, pk=meeting_id).first()
    if meeting is not None:
        meeting.network = network
    return meeting


def papers_of(*, meeting: NetworkMeeting) -> list[NetworkMeetingPaper]:
    return list(meeting.papers.order_by("position", "pk"))


def places_of(*, meeting: NetworkMeeting) -> list[NetworkMeetingPlace]:
    return list(meeting.places.select_related("member__user").order_by("member__kind", "pk"))


def attendance_choices(*, meeting: NetworkMeeting) -> tuple[list[tuple[int, str]], list[int]]:
    """([(member id, name), ...] for everyone who can be recorded as coming: current members with
    an account and anyone with a place already; [member ids recorded as having come]), in two queries."""
    places = {place.member_id: place for place in meeting.places.select_related("member__user")}
    current = meeting.network.members.filter(left_on__isnull=True, user__isnull=False).select_related("user").order_by("pk")
    members = {member.pk: member for member in current}
    members.update({member_id: place.member for member_id, place in places.items() if member_id not in members})
    choices = [(pk, str(member)) for pk, member in sorted(members.items())]
    return choices, [member_id for member_id, place in places.items() if place.attended]


def place_for(places: list[NetworkMeetingPlace], user) -> NetworkMeetingPlace | None:
    return next((place for place in places if place.member.user_id == user.pk), None)


def alliances_of(*, network: Network) -> list[Alliance]:
    return list(network.alliances.prefetch_related("shares__organisation", "outcomes", "contracts").order_by("-starts_on", "pk"))


def alliance_or_none(*, network: Network, alliance_id: int) -> Alliance | None:
    return network.alliances.prefetch_related("shares__organisation", "outcomes__indicators", "contracts").filter(pk=alliance_id).first()


def contract_alliances(contract) -> dict | None:
    """For the contract's monitoring page: the alliances delivering it and their shared
    indicators (those of the alliance's outcomes), in two queries."""
    alliances = list(Alliance.objects.filter(contracts=contract).select_related("network")
                     .prefetch_related("outcomes__indicators", "shares__organisation").order_by("name", "pk"))
    if not alliances:
        return None
    return {"alliances": [
        (alliance, [indicator for outcome in alliance.outcomes.all() for indicator in outcome.indicators.all() if indicator.retired_on is None])
        for alliance in alliances
    ]}


def person_candidates(*, network: Network) -> QuerySet[User]:
    return (User.objects.filter(is_active=True)
            .exclude(network_memberships__network=network, network_memberships__left_on__isnull=True)
            .order_by("full_name", "pk"))


def organisation_candidates(*, network: Network) -> QuerySet[Organisation]:
    return (Organisation.objects.exclude(network_memberships__network=network, network_memberships__left_on__isnull=True)
            .order_by("name", "pk"))


def programme_choices() -> QuerySet:
    """The programmes a network can be supported by (its meetings then count and are paid in it)."""
    return Programme.objects.order_by("title", "pk")


def founder_candidates() -> QuerySet[User]:
    """People who use services and carers: the ones who may start a peer support network."""
    return User.objects.filter(is_active=True).filter(Q(roles__contains=["person"]) | Q(roles__contains=["carer"])).order_by("full_name", "pk")


def provider_choices(*, network: Network) -> QuerySet[Organisation]:
    """The network's member providers: those who may share in an alliance."""
    return Organisation.objects.filter(
        network_memberships__network=network, network_memberships__left_on__isnull=True,
        network_memberships__kind=NetworkMember.Kind.PROVIDER,
    ).order_by("name", "pk")


def outcome_choices() -> QuerySet:
    return Outcome.objects.select_related("programme").order_by("programme__title", "position", "pk")


def contract_choices() -> QuerySet:
    return Contract.objects.select_related("provider").order_by("service_name", "pk")


def networks_for_home(*, user) -> list[Network]:
    return list(Network.objects.filter(members__user=user, members__left_on__isnull=True).order_by("name", "pk"))


def evidence_sentence() -> str | None:
    """For the Spectrum of Practice self-assessment, in one query; None before any network."""
    counts = Network.objects.aggregate(
        total=Count("pk", distinct=True),
        peer=Count("pk", filter=Q(kind=Network.Kind.PEER_SUPPORT), distinct=True),
        alliances=Count("alliances", distinct=True),
    )
    if not counts["total"]:
        return None

    def count(number: int, one: str) -> str:
        return f"{number} {one}{'' if number == 1 else 's'}"

    return (f"Networks: {count(counts['total'], 'network')} working towards a shared aim, including "
            f"{count(counts['peer'], 'peer support network')} and {count(counts['alliances'], 'alliance agreement')}")


def alliance_evidence_sentence() -> str | None:
    """For the Spectrum of Practice self-assessment, in one query; None before any alliance."""
    counts = Alliance.objects.aggregate(alliances=Count("pk", distinct=True), providers=Count("shares__organisation", distinct=True))
    if not counts["alliances"]:
        return None
    return (f"Alliances: {counts['alliances']} alliance agreement{'s' if counts['alliances'] != 1 else ''} binding "
            f"{counts['providers']} providers to shared outcomes")
