"""A programme's peer research: projects, interviews recorded with consent, and themed findings
that specification sections cite."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.access import programme_or_404
from coproduction.core.access import require_visible
from coproduction.core.forms import saved_or_errors
from coproduction.reports.services import report_job_request

from . import selectors, services
from .forms import FindingForm, InterviewForm, PriorityFindingsForm, ProjectForm
from .models import ResearchProject
from .reports import FINDINGS_PDF

SECTION = "research:project_list"
VIEW, ADD, RECORD = "research.view_research", "research.add_project", "research.record"


def _project(request: HttpRequest, programme_id: int, project_id: int, perm: str = VIEW) -> ResearchProject:
    programme = programme_or_404(request, programme_id, perm)
    project = require_visible(request, selectors.project_or_none(programme=programme, project_id=project_id))
    project.programme = programme
    return project


def _project_url(project: ResearchProject) -> str:
    return reverse("research:project_detail", kwargs={"programme_id": project.programme_id, "project_id": project.pk})


def _form_page(request, programme, form, *, title: str, back: str, intro: str = "") -> HttpResponse:
    return render(request, "commissioning/form.html", {
        "programme": programme, "form": form, "page_title": title, "intro": intro, "back_url": back, "back_label": "Back",
        "section_url_name": SECTION,
    })


@require_GET
def project_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    return render(request, "research/project_list.html", {
        "programme": programme, "section_url_name": SECTION, "projects": list(selectors.projects_in_programme(programme=programme)),
        "can_add": request.user.has_perm(ADD, programme),
    })


@require_http_methods(["GET", "POST"])
def project_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, ADD)
    form = ProjectForm(data=request.POST or None)
    project = saved_or_errors(form, lambda: services.project_create(programme=programme, by=request.user, request=request, **form.cleaned_data))
    if project:
        messages.success(request, f"Research started: {project.title}")
        return redirect(_project_url(project))
    return _form_page(request, programme, form, title="Start peer research", back=reverse(SECTION, args=[programme.pk]),
                      intro="Peer researchers interview people who use services before the specification is written, "
                            "so people's ideas shape the service.")


@require_GET
def project_detail(request: HttpRequest, programme_id: int, project_id: int) -> HttpResponse:
    project = _project(request, programme_id, project_id)
    return render(request, "research/project_detail.html", {
        "programme": project.programme, "project": project, "section_url_name": SECTION,
        "questions": selectors.questions_of(project=project), "interviews": selectors.interviews_of(project=project),
        "findings": selectors.findings_of(project=project), "can_record": request.user.has_perm(RECORD, project.programme),
    })


@require_http_methods(["GET", "POST"])
def interview_add(request: HttpRequest, programme_id: int, project_id: int) -> HttpResponse:
    project = _project(request, programme_id, project_id, RECORD)
    form = InterviewForm(data=request.POST or None)
    if saved_or_errors(form, lambda: services.interview_record(project=project, by=request.user, request=request, **form.cleaned_data)):
        messages.success(request, "Interview saved")
        return redirect(_project_url(project))
    return _form_page(request, project.programme, form, title="Record an interview", back=_project_url(project),
                      intro="Ask the questions of the research. Write down what the person said in their own words.")


@require_http_methods(["GET", "POST"])
def finding_add(request: HttpRequest, programme_id: int, project_id: int) -> HttpResponse:
    project = _project(request, programme_id, project_id, RECORD)
    sections = selectors.citable_sections(programme=project.programme)
    form = FindingForm(data=request.POST or None, interviews=selectors.interviews_of(project=project), sections=sections)
    if saved_or_errors(form, lambda: services.finding_add(
            project=project, by=request.user, request=request, allowed_citations=dict(sections), **form.cleaned_data)):
        messages.success(request, f"Finding saved: {form.cleaned_data['theme']}")
        return redirect(_project_url(project))
    return _form_page(request, project.programme, form, title="Add a finding", back=_project_url(project),
                      intro="Group what people said into themes, with an “I” statement in their words.")


@require_POST
def findings_pdf(request: HttpRequest, programme_id: int, project_id: int) -> HttpResponse:
    project = _project(request, programme_id, project_id)
    job = report_job_request(kind=FINDINGS_PDF, requested_by=request.user, subject=project, request=request)
    return redirect("reports:job_detail", job_id=job.pk)


@require_POST
def finding_theme(request: HttpRequest, programme_id: int, finding_id: int) -> HttpResponse:
    """Put a finding in a theme on the Working Together for Change theming board (or take it out)."""
    programme = programme_or_404(request, programme_id, RECORD)
    finding = require_visible(request, selectors.finding_or_none(programme=programme, finding_id=finding_id))
    chosen = request.POST.get("theme", "")
    theme = selectors.board_theme_or_none(programme=programme, theme_id=int(chosen)) if chosen.isdigit() else None
    if chosen and theme is None:
        raise Http404
    services.finding_theme_set(finding=finding, theme=theme, by=request.user, request=request)
    messages.success(request, f"“{finding.theme}” put in the theme “{theme.name}”" if theme else f"“{finding.theme}” taken out of its theme")
    exercise = theme.exercise_id if theme else request.POST.get("exercise", "")
    if str(exercise).isdigit():
        return redirect(reverse("coassessment:wtfc_detail", kwargs={"programme_id": programme.pk, "exercise_id": int(exercise)}) + "#research-findings")
    return redirect(_project_url(finding.project))


@require_http_methods(["GET", "POST"])
def priority_findings(request: HttpRequest, programme_id: int, priority_id: int) -> HttpResponse:
    """Name the peer research findings a priority rests on; they show on the priority's page."""
    programme = programme_or_404(request, programme_id, RECORD)
    priority = require_visible(request, selectors.priority_or_none(programme=programme, priority_id=priority_id))
    findings = selectors.findings_in_programme(programme=programme)
    form = PriorityFindingsForm(data=request.POST if request.method == "POST" else None, findings=findings,
                                initial={"findings": [str(finding.pk) for finding in selectors.findings_of_priority(priority=priority)]})
    back = reverse("priorities:priority_detail", kwargs={"programme_id": programme.pk, "priority_id": priority.pk})
    if saved_or_errors(form, lambda: services.priority_findings_set(
            priority=priority, findings=list(form.cleaned_data["findings"]), by=request.user, request=request) or True):
        messages.success(request, "The findings it rests on are saved")
        return redirect(back + "#research-findings")
    return _form_page(request, programme, form, title=f"Peer research findings “{priority.title}” rests on", back=back,
                      intro="" if findings.exists() else "This programme's peer research has no findings yet.")
