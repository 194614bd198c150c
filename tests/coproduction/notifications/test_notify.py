from coproduction.notifications.models import Delivery, Preference
from coproduction.notifications.selectors import messages_for
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic
from tests.coproduction.accounts.factories import UserFactory


def _notify(recipients, key="event:1", topic=Topic.INVITATION):
    return notify(
        recipients=recipients,
        topic=topic,
        subject="Invitation: Day services workshop on 3 March",
        body="You are invited to a workshop. Sign in to say if you can come.",
        link="/messages/",
        key=key,
    )


def test_a_message_appears_in_the_persons_list_once_per_event():
    person = UserFactory()
    assert _notify(person) == 1
    assert _notify(person) == 0
    assert _notify([person], key="event:2") == 1
    assert [message.subject for message in messages_for(user=person)] == [
        "Invitation: Day services workshop on 3 March"
    ] * 2


def test_topic_switched_off_or_not_at_all_makes_no_message():
    off = UserFactory()
    Preference.objects.create(user=off, topics_off=[Topic.INVITATION])
    nothing = UserFactory()
    Preference.objects.create(user=nothing, channel="none")
    reminded = UserFactory()
    Preference.objects.create(user=reminded, topics_off=[Topic.INVITATION])
    assert _notify([off, nothing, reminded]) == 0
    assert _notify(reminded, topic=Topic.REMINDER, key="reminder:1") == 1
    assert not messages_for(user=off).exists()
    assert not messages_for(user=nothing).exists()


def test_inactive_accounts_get_nothing():
    closed = UserFactory(is_active=False)
    assert _notify(closed) == 0


def test_in_the_service_only_makes_no_delivery_and_email_does():
    service_only = UserFactory()
    Preference.objects.create(user=service_only, channel="service")
    by_email = UserFactory()
    assert _notify([service_only, by_email]) == 2
    assert not Delivery.objects.filter(message__recipient=service_only).exists()
    assert Delivery.objects.get(message__recipient=by_email).status == "queued"
