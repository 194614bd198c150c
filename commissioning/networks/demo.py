"""Demo data for networks, for `manage.py seed_demo`. Idempotent: the Good Days network in the
north of the borough (Priya, Al, Maureen and Dev, with Riverside Support, Bright Days, the
primary care network, a housing association and a voluntary group), its agreed way of working,
a discussion, its library, a past meeting (part of the day opportunities programme) whose minutes every
member agreed, with who came and a bus fare paid back through the ledger, and the Good Days
alliance delivering Riverside's day opportunities contract. And Mill Lane Friends, a peer
support network Al started, run by its members and listed on the asset map."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from coproduction.accounts.models import Organisation, User
from coproduction.core.demo import demo_day, demo_seeder

from . import services
from .models import Alliance, Network, NetworkMember
from .selectors import contract_choices, outcome_choices

NETWORK = "Good Days network, north of the borough"
PEER_NETWORK = "Mill Lane Friends"
ALLIANCE = "Good Days alliance"
CONTRACT = "Day opportunities in the north of the borough"


@transaction.atomic
@demo_seeder(147)
def seed_networks_demo() -> None:
    if Network.objects.filter(name=NETWORK).exists():
        return
    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    priya, al, maureen = users["commissioner@demo.example"], users["person@demo.example"], users["carer@demo.example"]
    dev, rosa = users["provider@demo.example"], users["assessor@demo.example"]
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    network = services.network_create(by=priya, data={
        "name": NETWORK, "kind": Network.Kind.NETWORK, "programme": programme,
        "aim": "Everyone in the north of the borough who wants a good day has one: something they enjoy, near where they live, "
               "with people they like. We work on it together: people who use day services, carers, providers, the council, "
               "the NHS, housing and local groups.",
    })

    def organisation(name: str, kind: str) -> Organisation:
        return Organisation.objects.get_or_create(name=name, defaults={"kind": kind})[0]

    for user, kind in ((priya, NetworkMember.Kind.COMMISSIONER), (al, NetworkMember.Kind.PERSON),
                       (maureen, NetworkMember.Kind.CARER), (dev, NetworkMember.Kind.PROVIDER)):
        services.member_add(network=network, by=priya, data={"user": user, "kind": kind, "is_moderator": user == priya})
    riverside, bright = organisation("Riverside Support Ltd", "provider"), organisation("Bright Days CIC", "provider")
    for org, kind in ((riverside, NetworkMember.Kind.PROVIDER), (bright, NetworkMember.Kind.PROVIDER),
                      (organisation("North Borough Primary Care Network", "health"), NetworkMember.Kind.HEALTH),
                      (organisation("Northgate Housing Association", "other"), NetworkMember.Kind.HOUSING),
                      (organisation("Greenway Community Hub", "community"), NetworkMember.Kind.VOLUNTARY)):
        services.member_add(network=network, by=priya, data={"organisation": org, "kind": kind})

    version = services.way_of_working_write(network=network, by=priya, text=(
        "We work towards the aim together, as equals.\n"
        "We talk openly: anyone can raise anything, and we listen.\n"
        "We share information with every member, in a format they can use.\n"
        "We decide together at our meetings, and the minutes say what we decided.\n"
        "We say when we disagree, and we try again."))
    for member in network.members.filter(user__isnull=False):
        services.way_of_working_agree(way_of_working=version, member=member, by=member.user)

    thread = services.thread_start(network=network, by=al, title="Getting to the allotment on Saturdays",
                                   text="There is no bus on Saturday mornings. Could the minibus do one run?")
    services.post_add(thread=thread, by=dev, text="We can look at that. Would 10am work for people?")
    services.post_add(thread=thread, by=maureen, text="10am works for us. Thank you.")
    services.library_add(network=network, by=priya, data={
        "title": "What people told us about day services", "link": "",
        "summary": "The focus groups in the spring: what is working, what is not, and what people want next."})

    held = demo_day(timezone.localdate() - datetime.timedelta(days=28), earlier=True)
    meeting = services.meeting_create(network=network, by=priya, data={
        "title": "Good Days network meeting", "date": held, "starts_at": datetime.time(10, 30),
        "place": "Greenway Community Hub, Mill Lane (step-free, hearing loop)",
        "agenda": "1. Saturday transport\n2. The alliance's first three months\n3. Anything else",
        "agenda_easy_read": "1. Getting to the allotment on Saturdays\n2. How the new way of working is going\n3. Anything else"})
    services.paper_add(meeting=meeting, by=priya, data={
        "title": "Saturday transport", "text": "The minibus could run one trip on Saturday mornings at 10am, from Mill Lane.",
        "easy_read_text": "The minibus can pick you up on Saturday at 10 o'clock."})
    services.papers_send(meeting=meeting, by=priya)
    services.minutes_put_forward(meeting=meeting, by=priya, minutes=(
        "Present: Priya Shah (chair), Al Marsh, Maureen Marsh, Dev Patel.\n"
        "1. Saturday transport: the minibus will run at 10am from next month. Dev to arrange.\n"
        "2. The alliance: the providers reported together on the shared indicators.\n"
        "3. Maureen asked for papers a week ahead: agreed."))
    for member in network.members.filter(user__isnull=False).select_related("user"):
        services.minutes_agree(meeting=meeting, by=member.user)
    came = set(network.members.filter(user__in=[priya, al, maureen, dev]).values_list("pk", flat=True))
    places = services.attendance_record(meeting=meeting, attended_ids=came, by=priya)
    if meeting.activity_id is not None:  # Maureen's bus fare, through the day opportunities programme's ledger
        maureens = next(place for place in places if place.member.user_id == maureen.pk)
        services.recognition_record(meeting=meeting, place=maureens, category="travel", amount=Decimal("4.80"),
                                    description="Bus there and back", by=priya)

    outcomes = list(outcome_choices().filter(programme=programme)[:3]) if programme else []
    if outcomes and not Alliance.objects.filter(name=ALLIANCE).exists():
        services.alliance_create(network=network, by=priya, data={
            "name": ALLIANCE, "starts_on": datetime.date(2026, 4, 1), "ends_on": datetime.date(2029, 3, 31),
            "outcomes": outcomes, "contracts": list(contract_choices().filter(service_name=CONTRACT))},
            shares=[{"organisation": riverside, "risk_share": Decimal("60"), "reward_share": Decimal("60")},
                    {"organisation": bright, "risk_share": Decimal("40"), "reward_share": Decimal("40")}])

    # Al started a peer support network; its members run it, and it is on the asset map.
    peer = services.network_create(by=priya, founder=al, data={
        "name": PEER_NETWORK, "kind": Network.Kind.PEER_SUPPORT,
        "aim": "People who go to Mill Lane support each other: a chat, a walk, help with forms, and someone who understands."})
    for user in (maureen, rosa):
        services.member_add(network=peer, by=al, data={"user": user, "kind": NetworkMember.Kind.CARER if user == maureen else NetworkMember.Kind.PERSON})
    services.way_of_working_write(network=peer, by=al, text="What is said here stays here. Everyone is welcome. We are kind.")
    chat = services.thread_start(network=peer, by=rosa, title="Walk on Thursday?", text="Anyone for a walk by the river on Thursday?")
    services.post_add(thread=chat, by=al, text="Yes please. Meet at the gate at 2?")
    services.listing_set(network=peer, listed=True, by=al, description=(
        "A friendly peer support group for people who use day services in the north of the borough, and their carers. "
        "We meet for a chat and a walk, and help each other with forms. Run by its members."))
