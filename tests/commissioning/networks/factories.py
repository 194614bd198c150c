import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.networks.models import (
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
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory


class NetworkFactory(DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Day opportunities network {n}")
    kind = Network.Kind.NETWORK
    aim = "Everyone who wants a good day out has one, near where they live."
    created_by = factory.SubFactory(UserFactory, roles=["commissioner"])


class PeerSupportNetworkFactory(NetworkFactory):
    name = factory.Sequence(lambda n: f"Carers' peer support network {n}")
    kind = Network.Kind.PEER_SUPPORT
    aim = "Carers support each other, in our own way."


class NetworkMemberFactory(DjangoModelFactory):
    class Meta:
        model = NetworkMember

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory, roles=["person"])
    organisation = None
    kind = NetworkMember.Kind.PERSON
    added_by = factory.LazyAttribute(lambda member: member.network.created_by)


class OrganisationMemberFactory(NetworkMemberFactory):
    user = None
    organisation = factory.SubFactory(OrganisationFactory, kind="provider")
    kind = NetworkMember.Kind.PROVIDER


class WayOfWorkingFactory(DjangoModelFactory):
    class Meta:
        model = WayOfWorking

    network = factory.SubFactory(NetworkFactory)
    version = factory.Sequence(lambda n: n + 1)
    text = "We share what we know with every member. We talk openly. We decide together."
    written_by = factory.LazyAttribute(lambda version: version.network.created_by)


class WayOfWorkingAgreementFactory(DjangoModelFactory):
    class Meta:
        model = WayOfWorkingAgreement

    way_of_working = factory.SubFactory(WayOfWorkingFactory)
    member = factory.SubFactory(NetworkMemberFactory, network=factory.SelfAttribute("..way_of_working.network"))
    agreed_by = factory.LazyAttribute(lambda agreement: agreement.member.user)


class ThreadFactory(DjangoModelFactory):
    class Meta:
        model = Thread

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Transport to the day centre {n}")
    started_by = factory.SubFactory(UserFactory, roles=["person"])


class PostFactory(DjangoModelFactory):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.LazyAttribute(lambda post: post.thread.started_by)
    text = "The bus was late again on Tuesday. Has anyone else had this?"


class LibraryItemFactory(DjangoModelFactory):
    class Meta:
        model = LibraryItem

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"What people told us about day services {n}")
    summary = "A short report of the focus groups held in the spring."
    link = "https://www.example.org/report"
    added_by = factory.LazyAttribute(lambda item: item.network.created_by)


class NetworkMeetingFactory(DjangoModelFactory):
    class Meta:
        model = NetworkMeeting

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Network meeting {n}")
    date = datetime.date(2026, 7, 14)
    starts_at = datetime.time(10, 0)
    place = "Riverside Community Centre, Mill Lane (step-free)"
    agenda = "1. Welcome\n2. Transport\n3. Any other business"
    created_by = factory.LazyAttribute(lambda meeting: meeting.network.created_by)


class NetworkMeetingPaperFactory(DjangoModelFactory):
    class Meta:
        model = NetworkMeetingPaper

    meeting = factory.SubFactory(NetworkMeetingFactory)
    title = factory.Sequence(lambda n: f"Transport options {n}")
    text = "Three ways to get people to the day centre on time."
    easy_read_text = "How people can get to the day centre."
    added_by = factory.LazyAttribute(lambda paper: paper.meeting.created_by)


class NetworkMeetingPlaceFactory(DjangoModelFactory):
    class Meta:
        model = NetworkMeetingPlace

    meeting = factory.SubFactory(NetworkMeetingFactory)
    member = factory.SubFactory(NetworkMemberFactory, network=factory.SelfAttribute("..meeting.network"))
    papers_format = "standard"
    papers_sent_at = factory.LazyFunction(timezone.now)


class AllianceFactory(DjangoModelFactory):
    class Meta:
        model = Alliance

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Good days alliance {n}")
    starts_on = datetime.date(2026, 4, 1)
    ends_on = datetime.date(2029, 3, 31)
    created_by = factory.LazyAttribute(lambda alliance: alliance.network.created_by)


class AllianceShareFactory(DjangoModelFactory):
    class Meta:
        model = AllianceShare

    alliance = factory.SubFactory(AllianceFactory)
    organisation = factory.SubFactory(OrganisationFactory, kind="provider")
    risk_share = Decimal("50")
    reward_share = Decimal("50")
