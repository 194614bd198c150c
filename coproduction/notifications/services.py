"""Writes: making messages, sending them, and recording what happened.

Every message goes into the recipient's Messages list. Beyond that, a Delivery row (the
sent-log) is written before its task is queued; the task claims the row with a conditional
UPDATE (queued -> sending), so a retried or duplicated task never sends twice.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from . import channels
from .models import Channel, Delivery, Message, Preference
from .selectors import preference_for_user
from .topics import Topic

logger = logging.getLogger(__name__)

# Reasons a message was not sent outside the service: shown to administrators.
NO_SERVICE = "Not sent: no text message or letter service is set up (GOV.UK Notify). The message is in the person's Messages."
NO_MOBILE = "Not sent: the person has not given a mobile number. The message is in the person's Messages."
NO_ADDRESS = "Not sent: the person has not given a postal address. The message is in the person's Messages."


def _enqueue(delivery_id: int) -> None:
    from .tasks import deliver_message  # tasks import services

    try:
        deliver_message.delay(delivery_id)
    except Exception:
        # The broker is away: the row stays queued and the sweep queues it again.
        logger.warning("Could not queue delivery %s; the sweep will retry", delivery_id)


def _enqueue_still_queued(delivery_ids: list[int]) -> None:
    # Rows changed before the commit (the demo records its own as sent) need no task.
    for delivery_id in Delivery.objects.filter(pk__in=delivery_ids, status=Delivery.Status.QUEUED).values_list("pk", flat=True):
        _enqueue(delivery_id)


def _unread_changed(user_id: int, delta: int, *, now: bool = False) -> None:
    """Move the cached unread count once the change is committed (see selectors.unread_count_for)."""
    from django.core.cache import cache

    from .selectors import unread_cache_key, unread_count_changed

    unread_count_changed()

    def bump():
        try:
            cache.incr(unread_cache_key(user_id), delta)
        except ValueError:
            pass  # not cached: counted afresh when next shown
        except Exception:
            logger.warning("Could not update the unread count for user %s", user_id)
        unread_count_changed()

    if now:
        bump()
    else:
        transaction.on_commit(bump)


def _recipients(recipients) -> list:
    if recipients is None:
        return []
    if hasattr(recipients, "pk") and not isinstance(recipients, Iterable):
        return [recipients]
    return list(recipients)


def _first_delivery(*, message: Message, preference: Preference) -> Delivery | None:
    """The sent-log row for a new message, or None when it only goes into the Messages list."""
    channel = preference.channel
    if channel in (Channel.SERVICE, Channel.NONE):
        return None
    status, error = Delivery.Status.QUEUED, ""
    if channel in (Channel.TEXT, Channel.LETTER) and not channels.notify_configured():
        status, error = Delivery.Status.NOT_SENT, NO_SERVICE
    elif channel == Channel.TEXT and not preference.mobile_number:
        status, error = Delivery.Status.NOT_SENT, NO_MOBILE
    elif channel == Channel.LETTER and not (preference.address and preference.postcode):
        status, error = Delivery.Status.NOT_SENT, NO_ADDRESS
    return Delivery(
        message=message,
        channel=channel,
        template=channels.template_for(channel),
        via="notify" if channels.notify_configured() else "smtp",
        status=status,
        error=error,
    )


def notify(*, recipients, topic: Topic, subject: str, body: str, link: str = "", key: str) -> int:
    """Tell each recipient (a User or an iterable of Users) about something.

    (recipient, key) is unique, so the same event never makes a second message. Respects each
    recipient's preferences; inactive accounts get nothing. Delivery is queued on commit and a
    delivery problem never raises here. Returns the number of messages created.
    """
    users = [user for user in _recipients(recipients) if user is not None and user.is_active]
    if not users:
        return 0
    preferences = {pref.user_id: pref for pref in Preference.objects.filter(user_id__in=[user.pk for user in users])}
    created = 0
    to_queue: list[int] = []
    seen: set[int] = set()
    for user in users:
        if user.pk in seen:
            continue
        seen.add(user.pk)
        preference = preferences.get(user.pk) or Preference(user_id=user.pk)
        if not preference.wants(topic):
            continue
        try:
            with transaction.atomic():
                message, made = Message.objects.get_or_create(
                    recipient_id=user.pk,
                    key=key,
                    defaults={"topic": topic, "subject": subject[:200], "body": body, "link": link[:500]},
                )
        except IntegrityError:
            continue  # made at the same moment by another process
        if not made:
            continue
        created += 1
        _unread_changed(user.pk, 1)
        delivery = _first_delivery(message=message, preference=preference)
        if delivery is not None:
            delivery.save(force_insert=True)
            if delivery.status == Delivery.Status.QUEUED:
                to_queue.append(delivery.pk)
    if to_queue:
        transaction.on_commit(lambda: _enqueue_still_queued(to_queue))
    return created


# -- Sending -------------------------------------------------------------------------------

class Outcome:
    SENT = "sent"
    SKIPPED = "skipped"  # not ours to send: already sent, sending elsewhere, or gone
    RETRY = "retry"
    FAILED = "failed"


def delivery_claim(*, delivery_id: int) -> bool:
    """Take the row for sending; False if another task has it or it is finished."""
    now = timezone.now()
    return bool(
        Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.SENDING, attempts=F("attempts") + 1, updated_at=now
        )
    )


def delivery_send(*, delivery_id: int) -> tuple[str, str]:
    """Claim and send one delivery. Returns (outcome, plain-words error)."""
    if not delivery_claim(delivery_id=delivery_id):
        return Outcome.SKIPPED, ""
    delivery = Delivery.objects.select_related("message__recipient").get(pk=delivery_id)
    message = delivery.message
    preference = preference_for_user(user=message.recipient)
    now = timezone.now
    if not message.recipient.is_active:
        Delivery.objects.filter(pk=delivery_id).update(
            status=Delivery.Status.NOT_SENT, error="Not sent: the account is closed.", updated_at=now()
        )
        return Outcome.SKIPPED, ""
    try:
        reference = channels.send(delivery=delivery, message=message, preference=preference)
    except channels.TemporaryFailure as failure:
        # Back to queued so the retried task can claim it again.
        Delivery.objects.filter(pk=delivery_id, status=Delivery.Status.SENDING).update(
            status=Delivery.Status.QUEUED, error=str(failure)[:300], updated_at=now()
        )
        return Outcome.RETRY, str(failure)
    except channels.PermanentFailure as failure:
        delivery_fail(delivery_id=delivery_id, error=str(failure))
        return Outcome.FAILED, str(failure)
    Delivery.objects.filter(pk=delivery_id).update(
        status=Delivery.Status.SENT, provider_reference=reference[:100], error="", sent_at=now(), updated_at=now()
    )
    return Outcome.SENT, ""


def delivery_fail(*, delivery_id: int, error: str) -> None:
    Delivery.objects.filter(pk=delivery_id).exclude(status=Delivery.Status.SENT).update(
        status=Delivery.Status.FAILED, error=error[:300], updated_at=timezone.now()
    )


def deliveries_requeue_stuck() -> int:
    """Queue again deliveries whose task was lost; flag ones a worker died while sending.

    A delivery left "sending" may or may not have reached the person. It is never sent again
    on its own (nobody should get the same message twice): it is marked for an administrator,
    who can see it on the Sent messages page and send it again.
    """
    now = timezone.now()
    lost = Delivery.objects.filter(
        status=Delivery.Status.QUEUED, updated_at__lt=now - settings.NOTIFY_REQUEUE_AFTER
    )
    Delivery.objects.filter(status=Delivery.Status.SENDING, updated_at__lt=now - settings.NOTIFY_SENDING_ABANDONED_AFTER).update(
        status=Delivery.Status.CHECK,
        error="The service stopped while sending this. It may or may not have been sent: check with the person before sending again.",
        updated_at=now,
    )
    delivery_ids = list(lost.values_list("pk", flat=True)[:1000])
    Delivery.objects.filter(pk__in=delivery_ids).update(updated_at=now)
    for delivery_id in delivery_ids:
        logger.info("Re-queued delivery %s", delivery_id)
        _enqueue(delivery_id)
    return len(delivery_ids)


@transaction.atomic
def delivery_retry(*, delivery: Delivery, actor, request=None) -> Delivery:
    """An administrator sends a failed (or unknown) delivery again, as a new sent-log row."""
    message = delivery.message
    preference = preference_for_user(user=message.recipient)
    again = _first_delivery(message=message, preference=preference)
    if again is None:
        # The person now hears only in the service: nothing to send.
        again = Delivery(message=message, channel=preference.channel, status=Delivery.Status.NOT_SENT,
                         error="Not sent: the person now gets messages only in the service.")
    again.save(force_insert=True)
    audit_record(actor=actor, action=AuditEvent.Action.CREATE, obj=again, subject=message.recipient,
                 request=request, detail="message sent again")
    if again.status == Delivery.Status.QUEUED:
        transaction.on_commit(lambda: _enqueue(again.pk))
    return again


# -- Reading and preferences ---------------------------------------------------------------

def message_mark_read(*, message: Message) -> None:
    if message.read_at is None:
        message.read_at = timezone.now()
        if Message.objects.filter(pk=message.pk, read_at__isnull=True).update(read_at=message.read_at):
            # A single statement, committed at once: moved now, so the next page is right.
            _unread_changed(message.recipient_id, -1, now=True)


def message_mark_unread(*, message: Message) -> None:
    if message.read_at is not None:
        message.read_at = None
        if Message.objects.filter(pk=message.pk, read_at__isnull=False).update(read_at=None):
            _unread_changed(message.recipient_id, 1, now=True)


@transaction.atomic
def preference_save(*, user, actor, channel: str, topics_on: Iterable[str], mobile_number: str = "",
                    address: str = "", postcode: str = "", request=None) -> Preference:
    preference, _ = Preference.objects.select_for_update().get_or_create(user=user)
    preference.channel = channel
    preference.topics_off = [topic for topic in Topic.values if topic not in set(topics_on)]
    preference.mobile_number = mobile_number
    preference.address = address
    preference.postcode = postcode
    preference.updated_by = actor
    preference.save()
    audit_record(actor=actor, action=AuditEvent.Action.CHANGE, obj=preference, subject=user, request=request,
                 detail="contact preferences changed")
    return preference
