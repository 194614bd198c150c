from django import template

from ..models import Channel
from ..selectors import preference_for_user, unread_count_for

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_message_count(context) -> int:
    """How many messages the signed-in user has not opened: one query, once per request."""
    request = context.get("request")
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return 0
    if request is None:
        return unread_count_for(user=user)
    if not hasattr(request, "_unread_message_count"):
        request._unread_message_count = unread_count_for(user=user)
    return request._unread_message_count


@register.inclusion_tag("notifications/partials/person_contact.html", takes_context=True)
def person_contact_summary(context, person) -> dict:
    """How a person on a practitioner's caseload chose to hear from the service."""
    user = context["user"]
    if person.user_id is None or not user.has_perm("notifications.view_person_preference", person):
        return {"show": False}
    preference = preference_for_user(user=person.user)
    return {
        "show": True,
        "person": person,
        "preference": preference,
        "topics_off": [label for value, label in preference._meta.get_field("topics_off").base_field.choices if value in preference.topics_off],
        "is_self": person.user_id == user.pk,
        "can_change": person.user_id != user.pk and user.has_perm("notifications.change_person_preference", person),
        "no_contact": preference.channel == Channel.NONE,
    }
