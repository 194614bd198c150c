"""Reads for boards, their meetings and the decisions taken there. Each page reads a fixed
number of queries whatever the number of boards, members, meetings or decisions."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from commissioning.models import Programme
from coproduction.accounts.models import User

from .models import Board, BoardDecision, BoardMeeting, BoardMember, BoardPaper, MeetingAttendee
from .rules import current_board_ids


def _lived_experience_present():
    """True for a board decision taken at a meeting a member with lived experience attended."""
    return Exists(MeetingAttendee.objects.filter(
        meeting_id=OuterRef("meeting_id"), attended=True, member__kind=BoardMember.Kind.LIVED_EXPERIENCE,
    ))


def board_list_visible_to(*, user) -> QuerySet[Board]:
    """Boards this user may open: every board for commissioners, else the ones they sit on.
    Keep in step with boards.rules."""
    boards = Board.objects.annotate(
        member_count=Count("members", filter=Q(members__left_on__isnull=True), distinct=True),
        meeting_count=Count("meetings", distinct=True),
    ).order_by("name", "pk")
    if user.has_perm("boards.add_board"):
        return boards
    return boards.filter(pk__in=current_board_ids(user))


def decision_counts(*, board_ids) -> dict[int, tuple[int, int]]:
    """board id -> (decisions recorded, of which a member with lived experience was present)."""
    rows = (BoardDecision.objects.filter(meeting__board_id__in=list(board_ids)).order_by()
            .values("meeting__board_id")
            .annotate(total=Count("pk"), with_lived_experience=Count("pk", filter=_lived_experience_present())))
    return {row["meeting__board_id"]: (row["total"], row["with_lived_experience"]) for row in rows}


def board_or_none(*, board_id: int) -> Board | None:
    return Board.objects.filter(pk=board_id).first()


def current_members(*, board: Board) -> list[BoardMember]:
    return list(board.members.filter(left_on__isnull=True).select_related("user").order_by("kind", "user__full_name", "pk"))


def meetings_of(*, board: Board) -> QuerySet[BoardMeeting]:
    return board.meetings.annotate(
        paper_count=Count("papers", distinct=True), decision_count=Count("decisions", distinct=True),
        lived_experience_present=Count("attendees", filter=Q(
            attendees__attended=True, attendees__member__kind=BoardMember.Kind.LIVED_EXPERIENCE), distinct=True),
    ).order_by("-date", "-pk")


def meeting_or_none(*, board: Board, meeting_id: int) -> BoardMeeting | None:
    meeting = BoardMeeting.objects.filter(board=board, pk=meeting_id).first()
    if meeting is not None:
        meeting.board = board
    return meeting


def papers_of(*, meeting: BoardMeeting) -> list[BoardPaper]:
    return list(meeting.papers.order_by("position", "pk"))


def attendees_of(*, meeting: BoardMeeting) -> list[MeetingAttendee]:
    return list(meeting.attendees.select_related("member__user").order_by("member__kind", "member__user__full_name", "pk"))


def attendee_for(*, meeting: BoardMeeting, user) -> MeetingAttendee | None:
    return meeting.attendees.filter(member__user=user).first()


def decisions_of(*, meeting: BoardMeeting) -> list[BoardDecision]:
    return list(meeting.decisions.select_related("decision__programme").order_by("pk"))


def attendance_counts(attendees: list[MeetingAttendee]) -> dict[str, int]:
    """How many came, in all and of each kind, from attendees already read."""
    came = [attendee for attendee in attendees if attendee.attended]
    return {
        "attended": len(came),
        "lived_experience": sum(1 for a in came if a.member.kind == BoardMember.Kind.LIVED_EXPERIENCE),
        "elected_members": sum(1 for a in came if a.member.kind == BoardMember.Kind.ELECTED_MEMBER),
    }


def member_candidates(*, board: Board) -> QuerySet[User]:
    """Anyone with an account who is not on the board now."""
    return (User.objects.filter(is_active=True)
            .exclude(board_memberships__board=board, board_memberships__left_on__isnull=True)
            .order_by("full_name", "pk"))


def programme_choices() -> QuerySet[Programme]:
    """Programmes whose decisions log a board decision can go in."""
    return Programme.objects.order_by("title", "pk")


def boards_for_home(*, user) -> list[Board]:
    """The boards the user sits on now, in one query (the home page panel)."""
    return list(Board.objects.filter(members__user=user, members__left_on__isnull=True).order_by("name", "pk"))


def evidence_sentence() -> str | None:
    """For the Spectrum of Practice self-assessment: how many board decisions had members with
    lived experience present, over every board (one query); None before any decision."""
    counts = BoardDecision.objects.aggregate(total=Count("pk"), present=Count("pk", filter=_lived_experience_present()))
    if not counts["total"]:
        return None
    return (f"Decision-making boards: members with lived experience were present for {counts['present']} of "
            f"{counts['total']} decision{'s' if counts['total'] != 1 else ''}")
