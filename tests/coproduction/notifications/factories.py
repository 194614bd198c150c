import factory
from factory.django import DjangoModelFactory

from coproduction.notifications.models import Channel, Delivery, Message, Preference
from coproduction.notifications.topics import Topic
from tests.coproduction.accounts.factories import UserFactory


class PreferenceFactory(DjangoModelFactory):
    class Meta:
        model = Preference

    user = factory.SubFactory(UserFactory)
    channel = Channel.EMAIL


class MessageFactory(DjangoModelFactory):
    class Meta:
        model = Message

    recipient = factory.SubFactory(UserFactory)
    topic = Topic.INVITATION
    subject = "Invitation: Day services workshop"
    body = "You are invited to a workshop. Sign in to see the details and tell us what you need."
    link = "/messages/"
    key = factory.Sequence(lambda n: f"test-message:{n}")


class DeliveryFactory(DjangoModelFactory):
    class Meta:
        model = Delivery

    message = factory.SubFactory(MessageFactory)
    channel = Channel.EMAIL
    via = "smtp"
    status = Delivery.Status.QUEUED
