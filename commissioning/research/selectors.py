"""Reads for peer research, each page in a fixed number of queries."""

from django.apps import apps
from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse

from commissioning.models import Programme

from .models import Finding, FindingCitation, Interview, ResearchProject


def _section_model():
    # Read by name, so this app imports no other sub-app.
    return apps.get_model("specifications", "Section")


def _theme_model():
    return apps.get_model("coassessment", "WtfcTheme")


def _priority_model():
    return apps.get_model("priorities", "Priority")


def findings_in_programme(*, programme: Programme) -> QuerySet[Finding]:
    """Every finding of the programme's peer research, with its project and theme (one query)."""
    return (Finding.objects.filter(project__programme=programme).select_related("project", "wtfc_theme")
            .order_by("project__created_at", "project_id", "pk"))


def finding_or_none(*, programme: Programme, finding_id: int) -> Finding | None:
    return Finding.objects.filter(project__programme=programme, pk=finding_id).select_related("project").first()


def board_theme_or_none(*, programme: Programme, theme_id: int):
    """A Working Together for Change theme of the programme, for placing a finding in it."""
    return _theme_model().objects.filter(exercise__programme=programme, pk=theme_id).select_related("exercise").first()


def priority_or_none(*, programme: Programme, priority_id: int):
    return _priority_model().objects.filter(programme=programme, pk=priority_id).first()


def findings_of_priority(*, priority) -> list[Finding]:
    return list(priority.research_findings.select_related("project").order_by("project_id", "pk"))


def board_findings(exercise, user) -> dict | None:
    """For the theming board: the programme's findings to put in its themes (two queries: the
    permission check reads the cached group membership)."""
    if not user.has_perm("research.view_research", exercise.programme):
        return None
    findings = list(findings_in_programme(programme=exercise.programme))
    if not findings:
        return None
    themes = list(exercise.themes.order_by("name", "pk"))
    theme_ids = {theme.pk for theme in themes}
    return {"findings": [(finding, finding.wtfc_theme_id in theme_ids) for finding in findings], "themes": themes,
            "exercise": exercise, "can_place": user.has_perm("research.record", exercise.programme)}


def priority_panel(priority, user) -> dict | None:
    """For a priority's page: the peer research findings it rests on (one query)."""
    if not user.has_perm("research.view_research", priority.programme):
        return None
    can_cite = user.has_perm("research.record", priority.programme)
    findings = findings_of_priority(priority=priority)
    if not findings and not can_cite:
        return None
    return {"findings": findings, "priority": priority, "can_cite": can_cite}


def projects_in_programme(*, programme: Programme) -> QuerySet[ResearchProject]:
    return (ResearchProject.objects.filter(programme=programme)
            .annotate(interview_count=Count("interviews", distinct=True), finding_count=Count("findings", distinct=True))
            .order_by("-created_at", "pk"))


def project_or_none(*, programme: Programme, project_id: int) -> ResearchProject | None:
    return ResearchProject.objects.filter(programme=programme, pk=project_id).first()


def questions_of(*, project: ResearchProject) -> list:
    return list(project.questions.order_by("position", "pk"))


def interviews_of(*, project: ResearchProject) -> list[Interview]:
    return list(Interview.objects.filter(project=project).select_related("researcher").order_by("held_on", "pk"))


def findings_of(*, project: ResearchProject) -> list[Finding]:
    return list(Finding.objects.filter(project=project).annotate(interview_count=Count("interviews"))
                .prefetch_related(Prefetch("citations", FindingCitation.objects.order_by("pk")))
                .order_by("pk"))


def citable_sections(*, programme: Programme) -> list[tuple[tuple[int, str], str]]:
    """[((specification id, section key), "Specification: Section"), ...] for the programme."""
    rows = (_section_model().objects.filter(version__specification__programme=programme).order_by()
            .values_list("version__specification_id", "version__specification__title", "key", "title", "position").distinct())
    seen, choices = set(), []
    for spec_id, spec_title, key, title, _position in sorted(rows, key=lambda row: (row[1], row[4])):
        if (spec_id, key) not in seen:
            seen.add((spec_id, key))
            choices.append(((spec_id, key), f"{spec_title}: {title}"))
    return choices


def section_findings(specification, sections: list) -> dict[int, list[tuple[str, str]]]:
    """For the specification page: the findings each of its sections cites (one query)."""
    keys = {section.key: section.pk for section in sections}
    citations = (FindingCitation.objects.filter(specification=specification, section_key__in=keys)
                 .select_related("finding__project").order_by("pk"))
    found: dict[int, list[tuple[str, str]]] = {}
    for citation in citations:
        project = citation.finding.project
        url = reverse("research:project_detail", kwargs={"programme_id": project.programme_id, "project_id": project.pk})
        found.setdefault(keys[citation.section_key], []).append(
            (f"Peer research, “{project.title}”: {citation.finding.theme}", f"{url}#finding-{citation.finding_id}"))
    return found


def evidence_sentence() -> str | None:
    """For the Spectrum of Practice self-assessment (one query)."""
    counts = ResearchProject.objects.aggregate(projects=Count("pk", distinct=True), interviews=Count("interviews", distinct=True))
    if not counts["projects"]:
        return None
    return (f"Peer research: {counts['interviews']} interview{'s' if counts['interviews'] != 1 else ''} across "
            f"{counts['projects']} project{'s' if counts['projects'] != 1 else ''}")
