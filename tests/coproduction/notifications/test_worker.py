"""End to end: notify() in a committed transaction, the real Celery worker, the real SMTP server."""

import pytest
from django.db import transaction

from coproduction.notifications.models import Delivery
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.worker import celery_worker, wait_for


@pytest.mark.django_db(transaction=True)
def test_a_committed_message_is_queued_sent_by_the_worker_and_only_once(mailbox, settings):
    settings.NOTIFY_RETRY_BACKOFF = 1  # seconds, so the retry comes soon
    person = UserFactory(email="al@example.org")
    with transaction.atomic():
        notify(recipients=person, topic=Topic.INVITATION, subject="Invitation: Day services workshop",
               body="You are invited to a workshop. Sign in to say if you can come.", link="/messages/", key="invite:1")
        # Inside the transaction nothing has been queued yet: the row is waiting to send.
        assert Delivery.objects.get().status == "queued"
    mailbox.refuse_next(1)  # the mail server is busy at first: retried with backoff
    with celery_worker():
        wait_for(lambda: Delivery.objects.filter(status="sent").exists(), timeout=90)
    [email] = mailbox.messages
    assert email["To"] == "al@example.org"
    assert Delivery.objects.get().attempts == 2
