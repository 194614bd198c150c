from django import template

from ..selectors import unread_count_for

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
