"""Writes for boards: members, meetings, papers sent in each member's format, attendance, and
the decisions a meeting takes, recorded in the programme's decisions log with who attended."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commissioning.involvement.selectors import preferred_formats
from commissioning.models import Programme
from commissioning.services import decision_record
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access_lost import access_lost

from . import notices
from .models import Board, BoardDecision, BoardMeeting, BoardMember, BoardPaper, MeetingAttendee

CREATE, CHANGE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE


@transaction.atomic
def board_create(*, data: dict, by, request=None) -> Board:
    board = Board.objects.create(created_by=by, **data)
    audit_record(actor=by, action=CREATE, obj=board, request=request)
    return board


@transaction.atomic
def member_add(*, board: Board, user, kind: str, by, request=None) -> BoardMember:
    existing = BoardMember.objects.select_for_update().filter(board=board, user=user).first()
    if existing is not None and existing.left_on is None:
        raise ValidationError({"user": f"{user.display_name} is already a member of this board"})
    if existing is not None:  # coming back: the same place, so their past attendance stays theirs
        existing.kind, existing.left_on, existing.joined_on = kind, None, timezone.localdate()
        existing.save(update_fields=["kind", "left_on", "joined_on"])
        member = existing
    else:
        member = BoardMember.objects.create(board=board, user=user, kind=kind, added_by=by)
    audit_record(actor=by, action=CREATE, obj=member, subject=None, request=request, detail="board member added")
    return member


@transaction.atomic
def member_leave(*, member: BoardMember, by, request=None) -> BoardMember:
    if member.left_on is None:
        member.left_on = timezone.localdate()
        member.save(update_fields=["left_on"])
        audit_record(actor=by, action=CHANGE, obj=member, request=request, detail="left the board")
        access_lost(user_id=member.user_id)
    return member


@transaction.atomic
def meeting_create(*, board: Board, data: dict, by, request=None) -> BoardMeeting:
    meeting = BoardMeeting.objects.create(board=board, created_by=by, **data)
    audit_record(actor=by, action=CREATE, obj=meeting, request=request)
    return meeting


def _not_yet_held(meeting: BoardMeeting, doing: str) -> None:
    if meeting.date < timezone.localdate():
        raise ValidationError(f"The meeting has already happened, so you cannot {doing} now.")


@transaction.atomic
def paper_add(*, meeting: BoardMeeting, data: dict, by, request=None) -> BoardPaper:
    _not_yet_held(meeting, "add papers")
    if not data.get("summary", "").strip():
        raise ValidationError({"summary": "Enter a summary of the paper in plain English"})
    position = meeting.papers.count() + 1
    paper = BoardPaper.objects.create(meeting=meeting, position=position, added_by=by, **data)
    audit_record(actor=by, action=CREATE, obj=paper, request=request)
    return paper


@transaction.atomic
def papers_send(*, meeting: BoardMeeting, by, request=None) -> list[MeetingAttendee]:
    """Send the papers to every current member, each in the format they asked for, and tell
    them. Sending again (say after a paper was added) sends the papers again."""
    locked = BoardMeeting.objects.select_for_update().get(pk=meeting.pk)
    _not_yet_held(meeting, "send the papers")
    if not meeting.papers.exists():
        raise ValidationError("Add at least one paper before sending the papers.")
    members = list(meeting.board.members.filter(left_on__isnull=True).select_related("user"))
    if not members:
        raise ValidationError("Add members to the board before sending the papers.")
    now = timezone.now()
    formats = preferred_formats([member.user_id for member in members])
    existing = {attendee.member_id: attendee for attendee in MeetingAttendee.objects.select_for_update().filter(meeting=meeting)}
    attendees = []
    for member in members:
        attendee = existing.get(member.pk) or MeetingAttendee(meeting=meeting, member=member)
        attendee.member = member
        attendee.papers_format, attendee.papers_sent_at = formats[member.user_id], now
        attendees.append(attendee)
    MeetingAttendee.objects.bulk_create([a for a in attendees if a.pk is None])
    MeetingAttendee.objects.bulk_update([a for a in attendees if a.pk is not None], ["papers_format", "papers_sent_at"])
    locked.papers_sent_at = meeting.papers_sent_at = now
    locked.save(update_fields=["papers_sent_at"])
    audit_record(actor=by, action=CHANGE, obj=meeting, request=request, detail=f"papers sent to {len(attendees)} members")
    notices.papers_sent(meeting=meeting, attendees=attendees)
    return attendees


@transaction.atomic
def attendance_record(*, meeting: BoardMeeting, attended_member_ids: set[int], by, request=None) -> None:
    """Record who came from the board's current members (and anyone the papers went to)."""
    BoardMeeting.objects.select_for_update().filter(pk=meeting.pk).first()
    if meeting.date > timezone.localdate():
        raise ValidationError("You can record who attended once the meeting has happened.")
    members = {member.pk: member for member in meeting.board.members.filter(left_on__isnull=True)}
    existing = {attendee.member_id: attendee for attendee in MeetingAttendee.objects.select_for_update().filter(meeting=meeting)}
    unknown = set(attended_member_ids) - set(members) - set(existing)
    if unknown:
        raise ValidationError("Select members of the board from the list.")
    rows = []
    for member_id in set(members) | set(existing):
        attendee = existing.get(member_id) or MeetingAttendee(meeting=meeting, member_id=member_id)
        attendee.attended = member_id in attended_member_ids
        rows.append(attendee)
    MeetingAttendee.objects.bulk_create([a for a in rows if a.pk is None])
    MeetingAttendee.objects.bulk_update([a for a in rows if a.pk is not None], ["attended"])
    meeting.attendance_recorded_at = timezone.now()
    meeting.save(update_fields=["attendance_recorded_at"])
    audit_record(actor=by, action=CHANGE, obj=meeting, request=request, detail="attendance recorded")


def attended_words(meeting: BoardMeeting) -> str:
    """Who attended, in the words the decisions log keeps: "8 attended, including 2 members with
    lived experience and 3 elected members"."""
    came = MeetingAttendee.objects.filter(meeting=meeting, attended=True).values_list("member__kind", flat=True)
    kinds = list(came)
    lived = kinds.count(BoardMember.Kind.LIVED_EXPERIENCE)
    elected = kinds.count(BoardMember.Kind.ELECTED_MEMBER)

    def count(number: int, one: str, many: str) -> str:
        return f"{number} {one if number == 1 else many}"

    return (f"{count(len(kinds), 'member attended', 'members attended')}, including "
            f"{count(lived, 'member with lived experience', 'members with lived experience')} and "
            f"{count(elected, 'elected member', 'elected members')}")


@transaction.atomic
def decision_add(*, meeting: BoardMeeting, programme: Programme, data: dict, by, request=None) -> BoardDecision:
    """Record a decision the meeting took in the programme's decisions log, saying who was there."""
    locked = BoardMeeting.objects.select_for_update().get(pk=meeting.pk)
    if locked.attendance_recorded_at is None:
        raise ValidationError("Record who attended the meeting before recording its decisions.")
    name = meeting.board.name if len(meeting.board.name) <= 150 else meeting.board.name[:149] + "\u2026"
    decided_by = f"{name}, meeting on {meeting.date:%-d %B %Y} ({attended_words(meeting)})"
    decision = decision_record(programme=programme, by=by, data={
        "title": data["title"], "decision": data["decision"], "evidence": data.get("evidence", ""),
        "decided_on": meeting.date, "decided_by": decided_by,
    })
    board_decision = BoardDecision.objects.create(meeting=meeting, decision=decision, recorded_by=by)
    audit_record(actor=by, action=CREATE, obj=board_decision, request=request)
    return board_decision
