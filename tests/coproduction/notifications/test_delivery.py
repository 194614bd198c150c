"""Delivery: real emails to a local SMTP server, and the Notify path against a local Notify API."""

import pytest
from django.utils import timezone

from coproduction.notifications.models import Delivery, Preference
from coproduction.notifications.services import deliveries_requeue_stuck, notify
from coproduction.notifications.topics import Topic
from tests.coproduction.accounts.factories import UserFactory

PLAN_BODY = "Your care and support plan has changed. Sign in to read it."


def _plan_changed(user, key="plan-agreed:1"):
    return notify(recipients=user, topic=Topic.PLAN_CHANGED, subject="Your plan has changed",
                  body=PLAN_BODY, link="/careplans/people/1/", key=key)


def test_an_email_reaches_the_person_with_a_sign_in_link_and_no_plan_content(mailbox, deliver_now, settings):
    settings.SITE_URL = "https://coproduction.example.gov.uk"
    person = UserFactory(email="al@example.org")
    _plan_changed(person)
    deliver_now()
    [email] = mailbox.wait_for(1)
    assert email["To"] == "al@example.org"
    assert email["Subject"] == "Your plan has changed"
    text = mailbox.text(email)
    assert "https://coproduction.example.gov.uk/careplans/people/1/" in text
    assert "https://coproduction.example.gov.uk/messages/" in text
    assert PLAN_BODY in text
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.channel, delivery.attempts, delivery.via) == ("sent", "email", 1, "smtp")
    assert delivery.provider_reference == email["Message-ID"]
    assert delivery.sent_at is not None


def test_letters_chosen_means_no_email_and_without_notify_it_is_recorded_not_sent(mailbox, deliver_now):
    person = UserFactory()
    Preference.objects.create(user=person, channel="letter", address="1 High Street\nTown", postcode="SW1A 1AA")
    assert _plan_changed(person) == 1
    assert deliver_now() == 0
    assert mailbox.messages == []
    delivery = Delivery.objects.get()
    assert delivery.status == "not_sent"
    assert "no text message or letter service" in delivery.error


def test_in_the_service_only_sends_nothing(mailbox, deliver_now):
    person = UserFactory()
    Preference.objects.create(user=person, channel="service")
    assert _plan_changed(person) == 1
    deliver_now()
    assert mailbox.messages == []
    assert person.notification_messages.count() == 1


def test_running_the_task_twice_sends_once(mailbox, deliver_now):
    _plan_changed(UserFactory())
    delivery = Delivery.objects.get()
    deliver_now.one(delivery.pk)
    deliver_now.one(delivery.pk)  # a duplicated or redelivered task
    mailbox.wait_for(1)
    assert len(mailbox.messages) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("sent", 1)


def test_a_refused_email_is_retried_and_sent_once(mailbox, deliver_now):
    _plan_changed(UserFactory())
    mailbox.refuse_next(2)
    deliver_now()
    assert len(mailbox.wait_for(1)) == 1
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("sent", 3)


def test_a_send_that_keeps_failing_ends_failed_with_plain_words(mailbox, deliver_now, settings):
    settings.NOTIFY_MAX_RETRIES = 2
    _plan_changed(UserFactory(email="al@example.org"))
    mailbox.refuse_next(10)
    deliver_now()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 3)
    assert "Gave up after 3 tries" in delivery.error
    assert "al@example.org" not in delivery.error
    assert mailbox.messages == []


def test_an_address_refused_for_good_fails_at_once(mailbox, deliver_now):
    _plan_changed(UserFactory(email="nobody@example.org"))
    mailbox.refuse_next(1, reply="550 No such user here")
    deliver_now()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert delivery.error == "The email server answered 550"


def test_a_crash_while_sending_is_flagged_for_checking_never_sent_again(mailbox, deliver_now, settings):
    _plan_changed(UserFactory())
    delivery = Delivery.objects.get()
    long_ago = timezone.now() - settings.NOTIFY_SENDING_ABANDONED_AFTER - timezone.timedelta(minutes=1)
    Delivery.objects.filter(pk=delivery.pk).update(status="sending", attempts=1, updated_at=long_ago)
    deliveries_requeue_stuck()
    deliver_now.one(delivery.pk)  # the broker redelivers the task
    delivery.refresh_from_db()
    assert delivery.status == "check"
    assert mailbox.messages == []


def test_a_lost_task_is_queued_again_by_the_sweep(settings):
    _plan_changed(UserFactory())
    long_ago = timezone.now() - settings.NOTIFY_REQUEUE_AFTER - timezone.timedelta(minutes=1)
    Delivery.objects.update(updated_at=long_ago)
    assert deliveries_requeue_stuck() == 1
    assert deliveries_requeue_stuck() == 0  # touched: not queued again at once


# -- GOV.UK Notify ---------------------------------------------------------------------------

def test_notify_email_uses_the_email_template_and_personalisation(notify_server, mailbox, deliver_now, settings):
    settings.SITE_URL = "https://coproduction.example.gov.uk"
    _plan_changed(UserFactory(email="al@example.org"))
    deliver_now()
    [request] = notify_server.sent("email")
    assert request["json"]["email_address"] == "al@example.org"
    assert request["json"]["template_id"] == notify_server.templates["email"]
    assert request["json"]["personalisation"] == {
        "subject": "Your plan has changed",
        "body": PLAN_BODY,
        "link": "https://coproduction.example.gov.uk/careplans/people/1/",
    }
    delivery = Delivery.objects.get()
    assert request["json"]["reference"] == f"delivery-{delivery.pk}"
    assert (delivery.status, delivery.via, delivery.template) == ("sent", "notify", notify_server.templates["email"])
    assert delivery.provider_reference  # Notify's notification id
    assert mailbox.messages == []  # Notify sent it, not our mail server


def test_notify_text_message(notify_server, deliver_now):
    person = UserFactory()
    Preference.objects.create(user=person, channel="text", mobile_number="07700900123")
    _plan_changed(person)
    deliver_now()
    [request] = notify_server.sent("sms")
    assert request["json"]["phone_number"] == "07700900123"
    assert request["json"]["template_id"] == notify_server.templates["sms"]
    assert Delivery.objects.get().status == "sent"
    assert notify_server.sent("email") == []


def test_notify_letter_with_the_address(notify_server, deliver_now):
    person = UserFactory(full_name="Al Jones")
    Preference.objects.create(user=person, channel="letter", address="1 High Street\nLeeds", postcode="LS1 1AA")
    _plan_changed(person)
    deliver_now()
    [request] = notify_server.sent("letter")
    personalisation = request["json"]["personalisation"]
    assert request["json"]["template_id"] == notify_server.templates["letter"]
    assert [personalisation[f"address_line_{n}"] for n in (1, 2, 3, 4)] == ["Al Jones", "1 High Street", "Leeds", "LS1 1AA"]
    assert personalisation["subject"] == "Your plan has changed"


@pytest.mark.parametrize("status", [500, 429])
def test_notify_busy_is_retried_and_sent_once(notify_server, deliver_now, status):
    _plan_changed(UserFactory())
    notify_server.fail_next(2, status=status)
    deliver_now()
    assert len(notify_server.sent("email")) == 1
    assert len(notify_server.requests) == 3
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("sent", 3)


def test_notify_refusing_the_key_fails_at_once_for_an_administrator(notify_server, deliver_now, settings):
    settings.NOTIFY_API_KEY = "wrong-" + notify_server.service_id + "-" + "0" * 36
    _plan_changed(UserFactory())
    deliver_now()
    assert len(notify_server.requests) == 1  # not retried: it would fail the same way
    delivery = Delivery.objects.get()
    assert delivery.status == "failed"
    assert "GOV.UK Notify answered 403" in delivery.error
