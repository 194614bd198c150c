from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.involvement.formats import reader_format
from commissioning.involvement.models import DocumentFormat
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import require_perm, require_visible
from coproduction.core.forms import form_page as _form_page, saved_or_errors

from . import selectors, services
from .forms import AttendanceForm, BoardForm, DecisionForm, MeetingForm, MemberForm, PaperForm
from .models import Board, BoardMeeting


def _board(request: HttpRequest, board_id: int, permission: str = "boards.view_board") -> Board:
    return require_visible(request, selectors.board_or_none(board_id=board_id), permission, visible_perm="boards.view_board")


def _meeting(request: HttpRequest, board_id: int, meeting_id: int, permission: str = "boards.view_board") -> BoardMeeting:
    board = _board(request, board_id, permission)
    meeting = selectors.meeting_or_none(board=board, meeting_id=meeting_id)
    if meeting is None:
        raise Http404
    return meeting


def board_url(board: Board, anchor: str = "") -> str:
    return reverse("boards:board_detail", kwargs={"board_id": board.pk}) + (f"#{anchor}" if anchor else "")


def meeting_url(meeting: BoardMeeting, anchor: str = "") -> str:
    url = reverse("boards:meeting_detail", kwargs={"board_id": meeting.board_id, "meeting_id": meeting.pk})
    return url + (f"#{anchor}" if anchor else "")


@require_GET
def board_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "boards.view_board_list")
    boards = list(selectors.board_list_visible_to(user=request.user))
    counts = selectors.decision_counts(board_ids=[board.pk for board in boards])
    return render(request, "boards/board_list.html", {
        "rows": [(board, *counts.get(board.pk, (0, 0))) for board in boards],
        "can_add": request.user.has_perm("boards.add_board"),
    })


@require_http_methods(["GET", "POST"])
def board_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, "boards.add_board")
    form = BoardForm(data=request.POST or None)
    board = saved_or_errors(form, lambda: services.board_create(data=form.cleaned_data, by=request.user, request=request))
    if board is not None:
        messages.success(request, f"{board.name} added")
        return redirect(board_url(board))
    return _form_page(request, form, "Add a decision-making board", back_url=reverse("boards:board_list"),
                      intro="For example the commissioning board or the Health and Wellbeing Board.")


@require_GET
def board_detail(request: HttpRequest, board_id: int) -> HttpResponse:
    board = _board(request, board_id)
    total, with_lived_experience = selectors.decision_counts(board_ids=[board.pk]).get(board.pk, (0, 0))
    return render(request, "boards/board_detail.html", {
        "board": board, "members": selectors.current_members(board=board), "meetings": selectors.meetings_of(board=board),
        "decision_total": total, "decisions_with_lived_experience": with_lived_experience,
        "can_manage": request.user.has_perm("boards.manage_board", board),
    })


@require_http_methods(["GET", "POST"])
def member_add(request: HttpRequest, board_id: int) -> HttpResponse:
    board = _board(request, board_id, "boards.manage_board")
    form = MemberForm(data=request.POST or None, candidates=selectors.member_candidates(board=board))
    member = saved_or_errors(form, lambda: services.member_add(board=board, by=request.user, request=request, **form.cleaned_data))
    if member is not None:
        messages.success(request, f"{member.user.display_name} added to the board")
        return redirect(board_url(board, "members"))
    return _form_page(request, form, f"Add a member to the {board.name}", back_url=board_url(board, "members"),
                      intro="Members get each meeting's papers in the format they asked for in their involvement profile.")


@require_POST
def member_leave(request: HttpRequest, board_id: int, member_id: int) -> HttpResponse:
    board = _board(request, board_id, "boards.manage_board")
    member = next((member for member in selectors.current_members(board=board) if member.pk == member_id), None)
    if member is None:
        raise Http404
    services.member_leave(member=member, by=request.user, request=request)
    messages.success(request, f"{member.user.display_name} has left the board")
    return redirect(board_url(board, "members"))


@require_http_methods(["GET", "POST"])
def meeting_add(request: HttpRequest, board_id: int) -> HttpResponse:
    board = _board(request, board_id, "boards.manage_board")
    form = MeetingForm(data=request.POST or None)
    meeting = saved_or_errors(form, lambda: services.meeting_create(board=board, data=form.cleaned_data, by=request.user, request=request))
    if meeting is not None:
        messages.success(request, "Meeting added")
        return redirect(meeting_url(meeting))
    return _form_page(request, form, f"Add a meeting of the {board.name}", back_url=board_url(board, "meetings"))


@require_GET
def meeting_detail(request: HttpRequest, board_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, board_id, meeting_id)
    attendees = selectors.attendees_of(meeting=meeting)
    return render(request, "boards/meeting_detail.html", {
        "board": meeting.board, "meeting": meeting, "papers": selectors.papers_of(meeting=meeting),
        "attendees": attendees, "counts": selectors.attendance_counts(attendees),
        "decisions": selectors.decisions_of(meeting=meeting),
        "can_manage": request.user.has_perm("boards.manage_board", meeting.board),
    })


@require_http_methods(["GET", "POST"])
def paper_add(request: HttpRequest, board_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, board_id, meeting_id, "boards.manage_board")
    form = PaperForm(data=request.POST or None)
    paper = saved_or_errors(form, lambda: services.paper_add(meeting=meeting, data=form.cleaned_data, by=request.user, request=request))
    if paper is not None:
        messages.success(request, f"Paper \u201c{paper.title}\u201d added")
        return redirect(meeting_url(meeting, "papers"))
    return _form_page(request, form, "Add a paper", back_url=meeting_url(meeting, "papers"),
                      intro="Every paper opens with a summary in plain English, so everyone on the board can take part in the decision.")


@require_POST
def papers_send(request: HttpRequest, board_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, board_id, meeting_id, "boards.manage_board")
    try:
        attendees = services.papers_send(meeting=meeting, by=request.user, request=request)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Papers sent to {len(attendees)} members, each in the format they asked for")
    return redirect(meeting_url(meeting, "papers"))


@require_GET
def papers_pack(request: HttpRequest, board_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, board_id, meeting_id)
    mine = selectors.attendee_for(meeting=meeting, user=request.user)
    chosen = reader_format(request, user_id=request.user.pk, sent_in=mine.papers_format if mine else None)
    easy_read = chosen == DocumentFormat.EASY_READ
    papers = selectors.papers_of(meeting=meeting)
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=meeting, request=request, detail=f"board papers ({chosen})")
    return render(request, "boards/papers_pack.html", {
        "board": meeting.board, "meeting": meeting, "format": chosen, "format_label": DocumentFormat(chosen).label,
        "easy_read": easy_read, "large_print": chosen == DocumentFormat.LARGE_PRINT, "formats": DocumentFormat.choices,
        "papers": [(paper, paper.easy_read_text if easy_read and paper.easy_read_text else paper.text) for paper in papers],
    })


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, board_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, board_id, meeting_id, "boards.manage_board")
    attendees = selectors.attendees_of(meeting=meeting)
    members = {attendee.member.pk: attendee.member for attendee in attendees}
    members.update({member.pk: member for member in selectors.current_members(board=meeting.board)})
    initial = {"attended": [str(a.member_id) for a in attendees if a.attended]}
    form = AttendanceForm(data=request.POST or None, initial=initial, members=list(members.values()))
    if saved_or_errors(form, lambda: services.attendance_record(
            meeting=meeting, attended_member_ids=form.cleaned_data["attended"], by=request.user, request=request) or True):
        messages.success(request, "Attendance saved")
        return redirect(meeting_url(meeting, "attendance"))
    return _form_page(request, form, "Who attended the meeting", back_url=meeting_url(meeting, "attendance"),
                      intro="Decisions recorded from this meeting say how many members attended, including members with lived experience and elected members.")


@require_http_methods(["GET", "POST"])
def decision_add(request: HttpRequest, board_id: int, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, board_id, meeting_id, "boards.manage_board")
    form = DecisionForm(data=request.POST or None, programmes=selectors.programme_choices())

    def save():
        data = dict(form.cleaned_data)
        return services.decision_add(meeting=meeting, programme=data.pop("programme"), data=data, by=request.user, request=request)

    board_decision = saved_or_errors(form, save)
    if board_decision is not None:
        messages.success(request, "Decision recorded in the programme's decisions log")
        return redirect(meeting_url(meeting, "decisions"))
    return _form_page(request, form, "Record a decision the board took", back_url=meeting_url(meeting, "decisions"),
                      intro="It goes into the programme's decisions log, with how many members attended, including members with lived experience and elected members.")
