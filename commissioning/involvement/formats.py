"""Papers in each member's format: the one rule the procurement panel's briefing pack and a
monitoring meeting's papers both follow to choose standard print, large print or Easy Read. It
reads the involvement profile, so it lives with involvement, not in commissioning's core. Telling
a member their papers are ready, with a link opening them in their format, is here too."""

from django.http import HttpRequest

from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

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


def papers_link(path: str, papers_format: str) -> str:
    """The address of a meeting's papers, opening them in the member's format."""
    return f"{path}?format={papers_format}" if papers_format in FORMAT_WORDS else path


def papers_ready_tell(*, user, papers_format: str, subject: str, opening: str, lines: list[str], path: str, key: str) -> int:
    """Tell one member their papers are ready, in the format they were sent in, with a link that
    opens them in it. opening: "The papers for … are ready"; lines: what follows."""
    return notify(
        recipients=user, topic=Topic.PAPERS, subject=subject,
        body="\n\n".join([f"{opening}, in {FORMAT_WORDS.get(papers_format, 'standard print')}.", *lines,
                          "Sign in to read them. If you need them in another format, you can choose it on the page."]),
        link=papers_link(path, papers_format), key=key,
    )
