"""What board members hear: that the papers for a meeting are ready, in the format they asked
for, each paper opening with a summary in plain English. Nothing else about the papers."""

from django.urls import reverse

from commissioning.involvement.formats import papers_ready_tell

from .models import BoardMeeting, MeetingAttendee


def _path(meeting: BoardMeeting) -> str:
    return reverse("boards:papers_pack", kwargs={"board_id": meeting.board_id, "meeting_id": meeting.pk})


def papers_sent(*, meeting: BoardMeeting, attendees: list[MeetingAttendee]) -> int:
    """Each member hears their papers are ready, with a link that opens them in their format."""
    board = meeting.board
    return sum(papers_ready_tell(
        user=attendee.member.user, papers_format=attendee.papers_format,
        subject=f"Your papers for the {board.name} on {meeting.date:%-d %B %Y}",
        opening=f"The papers for the {board.name} meeting on {meeting.date:%A %-d %B %Y} are ready",
        lines=["Each paper starts with a short summary in plain English of what it says and what the board is asked to decide.",
               f"Where: {' '.join(meeting.place.split())}"],
        path=_path(meeting), key=f"board-papers:{meeting.pk}:{attendee.member_id}:{attendee.papers_sent_at:%Y%m%d%H%M%S%f}",
    ) for attendee in attendees)
