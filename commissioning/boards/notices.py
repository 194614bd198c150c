"""What board members hear: that the papers for a meeting are ready, in the format they asked
for, each paper opening with a summary in plain English. Nothing else about the papers."""

from django.urls import reverse

from commissioning.involvement.formats import FORMAT_WORDS
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic

from .models import BoardMeeting, MeetingAttendee


def papers_link(meeting: BoardMeeting, papers_format: str = "") -> str:
    path = reverse("boards:papers_pack", kwargs={"board_id": meeting.board_id, "meeting_id": meeting.pk})
    return f"{path}?format={papers_format}" if papers_format in FORMAT_WORDS else path


def papers_sent(*, meeting: BoardMeeting, attendees: list[MeetingAttendee]) -> int:
    """Each member hears their papers are ready, with a link that opens them in their format."""
    board = meeting.board
    created = 0
    for attendee in attendees:
        document_format = attendee.papers_format
        created += notify(
            recipients=attendee.member.user,
            topic=Topic.PAPERS,
            subject=f"Your papers for the {board.name} on {meeting.date:%-d %B %Y}",
            body="\n\n".join([
                f"The papers for the {board.name} meeting on {meeting.date:%A %-d %B %Y} are ready, in "
                f"{FORMAT_WORDS.get(document_format, 'standard print')}.",
                "Each paper starts with a short summary in plain English of what it says and what the board "
                "is asked to decide.",
                f"Where: {' '.join(meeting.place.split())}",
                "Sign in to read them. If you need them in another format, you can choose it on the page.",
            ]),
            link=papers_link(meeting, document_format),
            key=f"board-papers:{meeting.pk}:{attendee.member_id}:{attendee.papers_sent_at:%Y%m%d%H%M%S%f}",
        )
    return created
