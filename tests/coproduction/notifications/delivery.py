"""The `deliver_now` fixture: send queued messages in this process, as the worker would."""

import pytest

from coproduction.notifications.models import Delivery
from coproduction.notifications.tasks import deliver_message


class DeliverNow:
    def __call__(self) -> int:
        """Run the delivery task for every queued sent-log row; returns how many ran.

        Runs the real task (claim, send, retries with their backoff skipped), so a test sees
        exactly what a person would get. Tests run inside a transaction that is never
        committed, so the tasks queued on commit in production are run here instead.
        """
        delivery_ids = list(Delivery.objects.filter(status=Delivery.Status.QUEUED).order_by("pk").values_list("pk", flat=True))
        for delivery_id in delivery_ids:
            deliver_message.apply(args=[delivery_id])
        return len(delivery_ids)

    def one(self, delivery_id: int):
        return deliver_message.apply(args=[delivery_id])


@pytest.fixture
def deliver_now():
    return DeliverNow()
