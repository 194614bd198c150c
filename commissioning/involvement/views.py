"""Pages for a person's involvement profile, who took part (reach), local population figures and
peer researchers. The ledger's pages are in ledger/views.py."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from commissioning.access import programme_or_404
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record_many
from coproduction.core.access import require_perm
from coproduction.core.forms import errors_onto_form

from . import figures, selectors, services
from .forms import (
    EqualityForm,
    InterviewForm,
    PeerResearcherForm,
    PopulationFiguresForm,
    ProfileForm,
    equality_initial,
    profile_initial,
)
from .models import EQUALITY_QUESTIONS

QUESTIONS = {field: (short, choices) for field, _question, short, choices in EQUALITY_QUESTIONS}
REACH_TAB = "involvement:programme_reach"
PEER_TAB = "involvement:peer_researchers"


# ---- The person's own profile --------------------------------------------------------------


@require_GET
def profile(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.have_profile")
    own = selectors.profile_for(user=request.user)
    if own is not None:
        audit_record_many(actor=request.user, action=AuditEvent.Action.VIEW, objects=[own],
                          subject_of=lambda obj: request.user, request=request)
    return render(request, "involvement/profile.html", {
        "profile": own, "access_needs": own.access_needs_list() if own else [],
        "equality": [(short, getattr(own, f"get_{field}_display")() if own and getattr(own, field) else "Not answered")
                     for field, _question, short, _choices in EQUALITY_QUESTIONS],
    })


@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.have_profile")
    form = ProfileForm(data=request.POST if request.method == "POST" else None,
                       initial=profile_initial(selectors.profile_for(user=request.user)))
    if form.is_valid():
        services.profile_save(user=request.user, data=form.cleaned_data, request=request)
        messages.success(request, "Your involvement profile is saved")
        return redirect("involvement:profile")
    return render(request, "involvement/form.html", {
        "form": form, "page_title": "Your involvement profile",
        "intro": "Tell us how you like to take part. The people organising an event, panel or meeting you are "
                 "invited to see only what helps you take part (your access and communication needs).",
        "back_url": reverse("involvement:profile"), "back_label": "Back to your profile",
    })


@require_http_methods(["GET", "POST"])
def equality_edit(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.have_profile")
    form = EqualityForm(data=request.POST if request.method == "POST" else None,
                        initial=equality_initial(selectors.profile_for(user=request.user)))
    if form.is_valid():
        services.profile_save(user=request.user, data=form.cleaned_data, request=request)
        messages.success(request, "Your answers are saved")
        return redirect("involvement:profile")
    return render(request, "involvement/form.html", {
        "form": form, "page_title": "Equality monitoring questions",
        "intro": "These questions are optional. We use the answers only to count, in groups of 5 or more, who takes part, "
                 "so we can see who we are missing. Nobody organising an event sees your answers. When you take part in "
                 "something, we keep a copy of your answers at that time, so the figures for the past stay the same if you "
                 "change them later.",
        "back_url": reverse("involvement:profile"), "back_label": "Back to your profile",
    })


@require_GET
def profile_download(request: HttpRequest, file_format: str) -> HttpResponse:
    require_perm(request, "involvement.have_profile")
    if file_format not in ("json", "csv"):
        raise Http404
    content, content_type = services.profile_download(user=request.user, file_format=file_format, request=request)
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="involvement-profile.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def profile_delete(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.have_profile")
    own = selectors.profile_for(user=request.user)
    if request.method == "POST":
        if own is not None:
            services.profile_delete(user=request.user, request=request)
            messages.success(request, "Your involvement profile is deleted")
        return redirect("involvement:profile")
    return render(request, "involvement/profile_delete.html", {"profile": own})


# ---- Who took part -------------------------------------------------------------------------


def _years(request: HttpRequest) -> tuple[int, list[int]]:
    current = selectors.financial_year_start(timezone.localdate()).year
    years = list(range(current, current - 5, -1))
    try:
        chosen = int(request.GET.get("year", current))
    except ValueError:
        chosen = current
    return (chosen if chosen in years else current), years


def _reach_context(request: HttpRequest, programme=None) -> dict:
    year, years = _years(request)
    start, end = date(year, 4, 1), date(year + 1, 4, 1)
    summary = selectors.reach_summary(programme=programme, start=start, end=end)
    tables = figures.equality_tables(
        counts=selectors.equality_counts(programme=programme, start=start, end=end),
        care_ages=selectors.care_and_support_ages(on=end - timedelta(days=1)),
        population=selectors.population_figures(), sources=selectors.population_sources(),
    )
    return {
        "year": year, "years": [(value, f"April {value} to March {value + 1}") for value in years],
        "year_label": f"April {year} to March {year + 1}",
        "summary": summary, "others": selectors.others_taking_part(programme=programme, start=start, end=end),
        "modes": selectors.reach_by_mode(programme=programme, start=start, end=end),
        "tables": tables, "threshold": figures.THRESHOLD,
    }


@require_GET
def programme_reach(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "involvement.view_programme_reach")
    return render(request, "involvement/programme_reach.html", {
        "programme": programme, "section_url_name": REACH_TAB, **_reach_context(request, programme),
        "can_view_council_reach": request.user.has_perm("involvement.view_council_reach"),
    })


@require_GET
def council_reach(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.view_council_reach")
    return render(request, "involvement/council_reach.html", {
        **_reach_context(request), "can_change_figures": request.user.has_perm("involvement.change_population_figures"),
    })


@require_GET
def population(request: HttpRequest) -> HttpResponse:
    require_perm(request, "involvement.change_population_figures")
    entered = selectors.population_figures()
    sources = selectors.population_sources()
    questions = []
    for field, (short, choices) in QUESTIONS.items():
        answers = entered.get(field, {})
        rows = [(label, answers[value]) for value, label in choices.choices if value in answers]
        questions.append({"field": field, "heading": short, "rows": rows, "total": sum(answers.values()), "source": sources.get(field, "")})
    return render(request, "involvement/population.html", {"questions": questions})


@require_http_methods(["GET", "POST"])
def population_edit(request: HttpRequest, question: str) -> HttpResponse:
    require_perm(request, "involvement.change_population_figures")
    if question not in QUESTIONS:
        raise Http404
    short, choices = QUESTIONS[question]
    current = selectors.population_figures_for(question=question)
    initial = {figure.answer: figure.people for figure in current}
    initial["source"] = next((figure.source for figure in current if figure.source), "")
    form = PopulationFiguresForm(data=request.POST if request.method == "POST" else None, initial=initial, choices=choices)
    if form.is_valid():
        services.population_figures_save(question=question, figures=form.figures(), source=form.cleaned_data["source"].strip(), by=request.user)
        messages.success(request, f"Local population figures for {short.lower()} saved")
        return redirect("involvement:population")
    return render(request, "involvement/form.html", {
        "form": form, "page_title": f"Local population: {short.lower()}",
        "intro": "Enter how many residents gave each answer, for example from the 2021 Census. Leave a box empty if you do not have the figure.",
        "back_url": reverse("involvement:population"), "back_label": "Back to local population figures",
    })


# ---- What organisers see about the people taking part --------------------------------------


@require_GET
def activity_access_needs(request: HttpRequest, programme_id: int, activity_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "involvement.view_access_needs")
    activity = selectors.activity_or_404(programme=programme, activity_id=activity_id)
    people = selectors.participants_access_needs(activity=activity)
    services.access_needs_audit_read(user_ids=[user_id for _name, _needs, user_id in people], by=request.user, request=request)
    return render(request, "involvement/activity_access_needs.html", {
        "programme": programme, "activity": activity, "people": [(name, needs) for name, needs, _user_id in people],
    })


# ---- Peer researchers ----------------------------------------------------------------------


def _peer_back(programme) -> dict:
    return {"back_url": reverse(PEER_TAB, kwargs={"programme_id": programme.pk}), "back_label": "Back to peer researchers"}


@require_GET
def peer_researchers(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "involvement.view_peer_researchers")
    researchers = selectors.peer_researchers_for(programme=programme)
    for researcher in researchers:
        researcher.can_record = request.user.has_perm("involvement.record_interview", researcher)
    return render(request, "involvement/peer_researchers.html", {
        "programme": programme, "section_url_name": PEER_TAB, "researchers": researchers,
        "can_manage": request.user.has_perm("involvement.manage_peer_researchers", programme),
    })


@require_http_methods(["GET", "POST"])
def peer_researcher_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "involvement.manage_peer_researchers")
    members = selectors.members_who_could_research(programme=programme)
    form = PeerResearcherForm(data=request.POST if request.method == "POST" else None, members=members,
                              initial={"recruited_on": timezone.localdate()})
    if form.is_valid():
        try:
            services.peer_researcher_add(programme=programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error, "member")
        else:
            messages.success(request, "Peer researcher added")
            return redirect(PEER_TAB, programme_id=programme.pk)
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": PEER_TAB, "form": form, "page_title": "Add a peer researcher",
        "intro": "Peer researchers are people with lived experience, recruited and trained to talk with their peers.",
        **_peer_back(programme),
    })


@require_http_methods(["GET", "POST"])
def peer_researcher_edit(request: HttpRequest, programme_id: int, researcher_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "involvement.manage_peer_researchers")
    researcher = selectors.peer_researcher_or_404(programme=programme, researcher_id=researcher_id)
    form = PeerResearcherForm(data=request.POST if request.method == "POST" else None, initial={
        "recruited_on": researcher.recruited_on, "trained_on": researcher.trained_on, "training_notes": researcher.training_notes,
    })
    if form.is_valid():
        services.peer_researcher_update(researcher=researcher, by=request.user, **form.cleaned_data)
        messages.success(request, "Training record saved")
        return redirect(PEER_TAB, programme_id=programme.pk)
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": PEER_TAB, "form": form,
        "page_title": f"Recruitment and training: {researcher.member.user.display_name}", **_peer_back(programme),
    })


@require_http_methods(["GET", "POST"])
def interview_add(request: HttpRequest, programme_id: int, researcher_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "involvement.view_peer_researchers")
    researcher = selectors.peer_researcher_or_404(programme=programme, researcher_id=researcher_id)
    require_perm(request, "involvement.record_interview", researcher)
    form = InterviewForm(data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        services.peer_interview_record(researcher=researcher, by=request.user, **form.cleaned_data)
        messages.success(request, "Interview recorded")
        return redirect(PEER_TAB, programme_id=programme.pk)
    return render(request, "commissioning/form.html", {
        "programme": programme, "section_url_name": PEER_TAB, "form": form,
        "page_title": f"Record an interview by {researcher.member.user.display_name}", **_peer_back(programme),
    })

