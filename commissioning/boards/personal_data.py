from coproduction.core.personal_data import exempt, register

from .models import Board, BoardDecision, BoardMeeting, BoardMember, BoardPaper, MeetingAttendee

register(
    BoardMember,
    title="Boards you sit on",
    user_paths=["user"],
    fields=[("Board", "board__name"), ("Your place", "kind"), ("Joined", "joined_on"), ("Left", "left_on")],
    order_by=["board__name"],
)
register(
    MeetingAttendee,
    title="Board meetings: your papers and whether you came",
    user_paths=["member__user"],
    fields=[("Board", "meeting__board__name"), ("Meeting", "meeting__date"), ("Papers sent", "papers_sent_at"),
            ("Papers format", "papers_format"), ("Came", "attended")],
    order_by=["-meeting__date"],
)
exempt(Board, reason="a board's name and purpose; names only the staff member who added it")
exempt(BoardMeeting, reason="a meeting's arrangements; members are in BoardMember and MeetingAttendee")
exempt(BoardPaper, reason="papers for a meeting, added by staff as part of their work")
exempt(BoardDecision, reason="links a decision to the meeting that took it; names only the staff member who recorded it")
