"""Writes for peer research: projects (each an activity in the programme), interviews recorded
with consent, and findings with the specification sections they informed."""

from django.core.exceptions import ValidationError
from django.db import transaction

from commissioning.models import ActivityKind, LadderRung, Programme
from commissioning.services import activity_record, stage_for_activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .models import APPRECIATIVE_INQUIRY_QUESTIONS, Finding, FindingCitation, Interview, ResearchProject, ResearchQuestion

CREATE, CHANGE = AuditEvent.Action.CREATE, AuditEvent.Action.CHANGE


@transaction.atomic
def project_create(*, programme: Programme, title: str, purpose: str, questions: list[str] | None = None, by, request=None) -> ResearchProject:
    """A project, with the appreciative inquiry prompts as its questions unless others are given."""
    activity = activity_record(programme=programme, by=by, data={
        "kind": ActivityKind.PEER_RESEARCH, "title": title, "stage": stage_for_activity(programme=programme, kind=ActivityKind.PEER_RESEARCH),
        "ladder_rung": LadderRung.CO_PRODUCING, "summary": purpose[:2000],
    })
    project = ResearchProject.objects.create(programme=programme, activity=activity, title=title, purpose=purpose, created_by=by)
    texts = [text.strip() for text in (questions or APPRECIATIVE_INQUIRY_QUESTIONS) if text.strip()]
    ResearchQuestion.objects.bulk_create(ResearchQuestion(project=project, text=text, position=n) for n, text in enumerate(texts, 1))
    audit_record(actor=by, action=CREATE, obj=project, request=request)
    return project


@transaction.atomic
def interview_record(*, project: ResearchProject, held_on, consent_given: bool, words: str, by, request=None) -> Interview:
    if not consent_given:
        raise ValidationError({"consent_given": "Only record an interview the person agreed to"})
    interview = Interview.objects.create(project=project, researcher=by, held_on=held_on, consent_given=True, words=words.strip())
    # The words belong to nobody named; the researcher is the person the record is about.
    audit_record(actor=by, action=CREATE, obj=interview, request=request, detail="peer research interview recorded")
    return interview


@transaction.atomic
def finding_add(*, project: ResearchProject, theme: str, i_statement: str, summary: str, interviews, citations: list[tuple[int, str]],
                allowed_citations: dict[tuple[int, str], str], by, request=None) -> Finding:
    if any(interview.project_id != project.pk for interview in interviews):
        raise ValidationError({"interviews": "Select interviews from this project"})
    if not set(citations) <= set(allowed_citations):
        raise ValidationError({"citations": "Select sections of this programme's specifications"})
    finding = Finding.objects.create(project=project, theme=theme, i_statement=i_statement, summary=summary, created_by=by)
    finding.interviews.set(interviews)
    FindingCitation.objects.bulk_create(
        FindingCitation(finding=finding, specification_id=spec_id, section_key=key, label=allowed_citations[(spec_id, key)])
        for spec_id, key in citations
    )
    audit_record(actor=by, action=CREATE, obj=finding, request=request)
    return finding


@transaction.atomic
def finding_theme_set(*, finding: Finding, theme, by, request=None) -> Finding:
    """Put a finding in a Working Together for Change theme of its programme (or take it out)."""
    if theme is not None and theme.exercise.programme_id != finding.project.programme_id:
        raise ValidationError({"theme": "Select a theme of this programme's Working Together for Change"})
    finding.wtfc_theme = theme
    finding.save(update_fields=["wtfc_theme"])
    audit_record(actor=by, action=CHANGE, obj=finding, request=request,
                 detail=f"put in the theme “{theme.name}”" if theme else "taken out of its theme")
    return finding


@transaction.atomic
def priority_findings_set(*, priority, findings: list[Finding], by, request=None) -> None:
    """The findings a priority rests on, replacing those it named before."""
    if any(finding.project.programme_id != priority.programme_id for finding in findings):
        raise ValidationError({"findings": "Select findings from this programme's peer research"})
    priority.research_findings.set(findings)
    audit_record(actor=by, action=CHANGE, obj=priority, request=request, detail=f"rests on {len(findings)} peer research findings")
