"""Nothing shown to a signed-in user is kept by the browser or anything between it and us.

Every page a signed-in user sees may hold personal data (a plan, a message, a name in a list),
and a shared or public computer's back button or disk cache would show it to the next person
there. So every response to a signed-in user says `Cache-Control: no-store`, downloads included,
unless its view chose its own caching. Responses to people who are not signed in are left as
they are, and static files never get this far (WhiteNoise serves them first)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class SignedInNoStoreMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response
