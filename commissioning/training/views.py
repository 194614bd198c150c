"""A programme's co-delivered training: courses, their sessions, co-trainers paid through the
involvement ledger, bookings by organisation and who came."""

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from commissioning.access import programme_or_404
from coproduction.core.access import require_visible
from coproduction.core.downloads import members_file_download
from coproduction.core.forms import saved_or_errors
from coproduction.core.practice_statements import practice_statements, statements_numbered
from coproduction.core.uploads import DOCUMENT_CONTENT_TYPES

from . import selectors, services
from .forms import AttendanceForm, BookingForm, CoTrainerForm, CourseForm, MaterialForm, SessionForm
from .models import TrainingCourse, TrainingSession

SECTION = "training:course_list"
VIEW, MANAGE = "training.view_training", "training.manage_training"


def _course(request: HttpRequest, programme_id: int, course_id: int, perm: str = VIEW) -> TrainingCourse:
    programme = programme_or_404(request, programme_id, perm)
    course = require_visible(request, selectors.course_or_none(programme=programme, course_id=course_id))
    course.programme = programme
    return course


def _session(request: HttpRequest, programme_id: int, course_id: int, session_id: int, perm: str = VIEW) -> TrainingSession:
    course = _course(request, programme_id, course_id, perm)
    session = require_visible(request, selectors.session_or_none(course=course, session_id=session_id))
    session.course = course
    return session


def _session_url(session: TrainingSession) -> str:
    return reverse("training:session_detail", kwargs={
        "programme_id": session.course.programme_id, "course_id": session.course_id, "session_id": session.pk})


def _form_page(request, programme, form, *, title: str, back: str, intro: str = "") -> HttpResponse:
    return render(request, "commissioning/form.html", {
        "programme": programme, "form": form, "page_title": title, "intro": intro, "back_url": back, "back_label": "Back",
        "section_url_name": SECTION,
    })


@require_GET
def course_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    return render(request, "training/course_list.html", {
        "programme": programme, "section_url_name": SECTION, "courses": list(selectors.courses_in_programme(programme=programme)),
        "can_manage": request.user.has_perm(MANAGE, programme),
    })


@require_http_methods(["GET", "POST"])
def course_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, MANAGE)
    form = CourseForm(data=request.POST or None, specifications=selectors.tenders_in_programme(programme=programme),
                      statements=practice_statements())
    course = saved_or_errors(form, lambda: services.course_create(programme=programme, data=form.cleaned_data, by=request.user, request=request))
    if course:
        messages.success(request, f"Training added: {course.title}")
        return redirect("training:course_detail", programme_id=programme.pk, course_id=course.pk)
    return _form_page(request, programme, form, title="Add co-delivered training", back=reverse(SECTION, args=[programme.pk]),
                      intro="Training that people who use services co-deliver with commissioners, for example about "
                            "co-production and personalisation for local providers before a tender goes out.")


@require_GET
def course_detail(request: HttpRequest, programme_id: int, course_id: int) -> HttpResponse:
    course = _course(request, programme_id, course_id)
    return render(request, "training/course_detail.html", {
        "programme": course.programme, "course": course, "section_url_name": SECTION,
        "statements": statements_numbered(course.statement_numbers),
        "sessions": list(selectors.sessions_of(course=course)),
        "can_manage": request.user.has_perm(MANAGE, course.programme),
    })


@require_http_methods(["GET", "POST"])
def session_add(request: HttpRequest, programme_id: int, course_id: int) -> HttpResponse:
    course = _course(request, programme_id, course_id, MANAGE)
    form = SessionForm(data=request.POST or None, surveys=selectors.surveys_in_programme(programme=course.programme))
    session = saved_or_errors(form, lambda: services.session_create(course=course, data=form.cleaned_data, by=request.user, request=request))
    if session:
        session.course = course
        messages.success(request, f"Session added: {session.date:%-d %B %Y}")
        return redirect(_session_url(session))
    back = reverse("training:course_detail", args=[course.programme_id, course.pk])
    return _form_page(request, course.programme, form, title=f"Add a session of {course.title}", back=back)


@require_GET
def session_detail(request: HttpRequest, programme_id: int, course_id: int, session_id: int) -> HttpResponse:
    session = _session(request, programme_id, course_id, session_id)
    return render(request, "training/session_detail.html", {
        "programme": session.course.programme, "course": session.course, "session": session, "section_url_name": SECTION,
        "co_trainers": selectors.co_trainers_of(session=session), "bookings": selectors.bookings_of(session=session),
        "materials": selectors.materials_of(session=session),
        "statements": statements_numbered(session.course.statement_numbers),
        "can_manage": request.user.has_perm(MANAGE, session.course.programme),
    })


@require_http_methods(["GET", "POST"])
def co_trainer_add(request: HttpRequest, programme_id: int, course_id: int, session_id: int) -> HttpResponse:
    session = _session(request, programme_id, course_id, session_id, MANAGE)
    form = CoTrainerForm(data=request.POST or None, candidates=selectors.co_trainer_candidates(programme=session.course.programme),
                         rates=selectors.trainer_rates())
    if saved_or_errors(form, lambda: services.co_trainer_add(session=session, by=request.user, request=request, **form.cleaned_data)):
        messages.success(request, f"Co-trainer added: {form.cleaned_data['user'].display_name}")
        return redirect(_session_url(session))
    return _form_page(request, session.course.programme, form, title="Add a co-trainer", back=_session_url(session),
                      intro="People who use services co-deliver the session and are paid at the council's trainer rate, "
                            "for delivering and for preparing.")


@require_http_methods(["GET", "POST"])
def booking_add(request: HttpRequest, programme_id: int, course_id: int, session_id: int) -> HttpResponse:
    session = _session(request, programme_id, course_id, session_id, MANAGE)
    form = BookingForm(data=request.POST or None, organisations=selectors.organisations(), staff=selectors.staff_attendees())
    if saved_or_errors(form, lambda: services.booking_add(session=session, by=request.user, request=request, **form.cleaned_data)):
        messages.success(request, "Place booked")
        return redirect(_session_url(session))
    return _form_page(request, session.course.programme, form, title="Book a place", back=_session_url(session))


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, programme_id: int, course_id: int, session_id: int) -> HttpResponse:
    session = _session(request, programme_id, course_id, session_id, MANAGE)
    bookings = selectors.bookings_of(session=session)
    initial = {"attended": [str(booking.pk) for booking in bookings if booking.attended]}
    form = AttendanceForm(data=request.POST or None, initial=initial, bookings=bookings)
    if saved_or_errors(form, lambda: services.attendance_record(
            session=session, attended_ids=form.cleaned_data["attended"], by=request.user, request=request)):
        messages.success(request, "Who came is saved")
        return redirect(_session_url(session))
    return _form_page(request, session.course.programme, form, title="Who came to the session", back=_session_url(session))


@require_http_methods(["GET", "POST"])
def material_add(request: HttpRequest, programme_id: int, course_id: int, session_id: int) -> HttpResponse:
    session = _session(request, programme_id, course_id, session_id, MANAGE)
    form = MaterialForm(data=request.POST or None, files=request.FILES or None)
    if saved_or_errors(form, lambda: services.material_add(session=session, title=form.cleaned_data["title"], file=form.cleaned_data["file"],
                                                           file_type=form.file_type, by=request.user, request=request)):
        messages.success(request, f"Material uploaded: {form.cleaned_data['title']}")
        return redirect(_session_url(session))
    return _form_page(request, session.course.programme, form, title="Upload material for the session", back=_session_url(session))


@require_GET
def material_file(request: HttpRequest, programme_id: int, course_id: int, session_id: int, material_id: int) -> FileResponse:
    session = _session(request, programme_id, course_id, session_id)
    material = require_visible(request, selectors.material_or_none(session=session, material_id=material_id))
    return members_file_download(request, record=material, content_types=DOCUMENT_CONTENT_TYPES, name="training-material",
                                 detail="training material downloaded")
