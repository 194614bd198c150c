from django.core.cache import cache
from django.db.models import QuerySet

from .models import Channel, Message


def messages_for(*, user) -> QuerySet[Message]:
    """The user's own messages, newest first (fields: topic, subject, body, link, created_at, read_at).

    Keep in step with notifications.rules.is_recipient."""
    return Message.objects.filter(recipient_id=user.pk).order_by("-created_at", "-pk")


# The header shows the unread count on every page. It is cached per person, and the cache is
# moved up or down as messages arrive and are read, so most pages run no query for it.
UNREAD_CACHE_SECONDS = 300


def unread_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


# The count is read with the signed-in account, in the same round trip (apps.py). A message sent
# or read later in the same request (marking a message read, say) moves
# the cached count, so a count read before any such change in this process is the only one used.
_changes = [0]
_PRE_READ = "_unread_count_pre_read"


def unread_count_changed() -> None:
    _changes[0] += 1


def unread_count_keep(user, value) -> None:
    user.__dict__[_PRE_READ] = (value, _changes[0])


def unread_count_for(*, user) -> int:
    key = unread_cache_key(user.pk)
    pre_read, at = getattr(user, _PRE_READ, (None, None))
    if pre_read is not None and at == _changes[0]:
        return max(pre_read, 0)
    try:
        count = cache.get(key)
    except Exception:  # the cache is away: count in the database
        count = None
    if count is None:
        count = Message.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()
        try:
            cache.set(key, count, UNREAD_CACHE_SECONDS)
        except Exception:
            pass
    return max(count, 0)


def preference_for_user(*, user):
    """The user's saved preference, or the default (every topic, by email), unsaved."""
    from .models import Preference

    return Preference.objects.filter(user_id=user.pk).first() or Preference(user_id=user.pk)


def delivery_list_visible_to(*, user, status: str = ""):
    """The sent-log for administrators: failed and unknown first, then newest first."""
    from django.db.models import Case, IntegerField, Value, When

    from .models import Delivery

    if not user.has_perm("notifications.view_deliveries"):
        return Delivery.objects.none()
    deliveries = Delivery.objects.select_related("message__recipient").only(
        "channel", "template", "via", "status", "attempts", "error", "created_at", "sent_at", "provider_reference",
        "message__topic", "message__subject", "message__recipient__full_name", "message__recipient__id",
    )
    if status:
        return deliveries.filter(status=status).order_by("-created_at", "-pk")
    first = Case(
        When(status=Delivery.Status.FAILED, then=Value(0)),
        When(status=Delivery.Status.CHECK, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return deliveries.order_by(first, "-created_at", "-pk")


def person_contact_summary(*, person, viewer) -> dict:
    """How a person on a practitioner's caseload chose to hear from the service, for their
    record's page: {"show": False} unless the viewer may see it."""
    if person.user_id is None or not viewer.has_perm("notifications.view_person_preference", person):
        return {"show": False}
    preference = preference_for_user(user=person.user)
    topic_choices = preference._meta.get_field("topics_off").base_field.choices
    return {
        "show": True,
        "preference": preference,
        "topics_off": [label for value, label in topic_choices if value in preference.topics_off],
        "can_change": person.user_id != viewer.pk and viewer.has_perm("notifications.change_person_preference", person),
        "no_contact": preference.channel == Channel.NONE,
    }
