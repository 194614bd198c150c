from django.http import HttpRequest

from .selectors import unread_count_for


def unread_messages(request: HttpRequest) -> dict:
    """The header's count of messages the signed-in user has not opened.

    Passed as a callable, so the count is read (one query, once per request) only when the page
    shows the header: a partial swapped in by htmx costs nothing, and no template tag queries."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count() -> int:
        if not hasattr(request, "_unread_message_count"):
            request._unread_message_count = unread_count_for(user=user)
        return request._unread_message_count

    return {"unread_message_count": count}
