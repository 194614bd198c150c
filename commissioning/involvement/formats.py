"""Papers in each member's format: the one rule the procurement panel's briefing pack and a
monitoring meeting's papers both follow to choose standard print, large print or Easy Read. It
reads the involvement profile, so it lives with involvement, not in commissioning's core."""

from django.http import HttpRequest

from .models import DocumentFormat
from .selectors import preferred_formats

# Each format as a sentence says it: "Your papers are ready, in large print."
FORMAT_WORDS = {"standard": "standard print", "large_print": "large print", "easy_read": "Easy Read"}


def reader_format(request: HttpRequest, *, user_id: int, sent_in: str | None = None) -> str:
    """The format to show papers in: the one the reader just chose on the page, else the one
    their papers were sent in, else their involvement profile's (standard without one)."""
    for chosen in (request.GET.get("format"), request.POST.get("format"), sent_in):
        if chosen in DocumentFormat.values:
            return chosen
    return preferred_formats([user_id]).get(user_id, DocumentFormat.STANDARD.value)
