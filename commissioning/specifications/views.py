from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.access import programme_or_404
from commissioning.sections import section_evidence, specification_notes
from coproduction.core.forms import errors_onto_form
from coproduction.reports.services import report_job_request

from . import selectors, services
from .forms import (
    AnswerForm,
    CommentForm,
    CriteriaFormSet,
    GlossaryTermForm,
    QuestionForm,
    SectionForm,
    ShortlistQuestionForm,
    SpecificationForm,
)
from .models import GlossaryTerm, Specification
from .reports import SPECIFICATION_PDF
from .standard_sections import BY_KEY, EVALUATION, OUTCOMES

TAB = "specifications:specification_list"
VIEW, COMMENT, CHANGE, ANSWER = (
    "specifications.view_specification",
    "specifications.comment_on_specification",
    "specifications.change_specification",
    "specifications.answer_comment",
)


def _specification(request: HttpRequest, programme_id: int, specification_id: int, permission: str = VIEW) -> Specification:
    programme = programme_or_404(request, programme_id, permission)
    return selectors.specification_or_404(programme=programme, specification_id=specification_id)


def _page_url(specification: Specification, anchor: str = "") -> str:
    url = reverse(
        "specifications:specification_detail",
        kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk},
    )
    return url + (f"#{anchor}" if anchor else "")


def _published(request: HttpRequest, specification: Specification) -> HttpResponse:
    messages.error(request, services.PUBLISHED_MESSAGE)
    return redirect(_page_url(specification))


def _context(specification: Specification, **extra) -> dict:
    return {"programme": specification.programme, "specification": specification, "section_url_name": TAB, **extra}


@require_GET
def specification_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, VIEW)
    return render(request, "specifications/specification_list.html", {
        "programme": programme, "section_url_name": TAB,
        "page": Paginator(selectors.specifications_for(programme=programme), settings.PAGE_SIZE).get_page(request.GET.get("page")),
        "can_change": request.user.has_perm(CHANGE, programme),
    })


@require_http_methods(["GET", "POST"])
def specification_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, CHANGE)
    form = SpecificationForm(data=request.POST or None, decisions=programme.decisions.order_by("-decided_on", "-pk"))
    if form.is_valid():
        specification = services.specification_create(programme=programme, by=request.user, **form.cleaned_data)
        messages.success(request, "Specification started. Write each section, then ask the group for comments.")
        return redirect(_page_url(specification))
    return render(request, "specifications/specification_add.html", {"programme": programme, "section_url_name": TAB, "form": form})


@require_GET
def specification_detail(request: HttpRequest, programme_id: int, specification_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id)
    programme = specification.programme
    versions = selectors.versions_of(specification=specification)
    version = selectors.version_chosen(versions, request.GET.get("version"))
    contents = selectors.version_contents(version=version)
    # Findings and other evidence that other pages say a section cites.
    cited = section_evidence(specification, contents["spec_sections"])
    for section in contents["spec_sections"]:
        section.cited_evidence = cited.get(section.pk, [])
    return render(request, "specifications/specification_detail.html", _context(
        specification, notes=specification_notes(specification), words=selectors.glossary_for_page(), versions=versions, version=version, latest=versions[0], **contents,
        outcomes=selectors.outcomes_framework(programme=programme), OUTCOMES=OUTCOMES, EVALUATION=EVALUATION,
        hints=BY_KEY, my_comments=selectors.comments_by(user=request.user, specification=specification),
        can_change=version.is_draft and request.user.has_perm(CHANGE, programme),
        can_comment=version.is_draft and request.user.has_perm(COMMENT, programme),
        can_answer=request.user.has_perm(ANSWER, programme),
        can_start_draft=not versions[0].is_draft and request.user.has_perm(CHANGE, programme),
    ))


@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, programme_id: int, specification_id: int, section_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, CHANGE)
    section = selectors.section_or_404(specification=specification, section_id=section_id)
    if not section.version.is_draft:
        return _published(request, specification)
    activities = selectors.programme_activities(programme=specification.programme)
    initial = {"text": section.text, "informed_by": list(section.informed_by.values_list("pk", flat=True))}
    form = SectionForm(data=request.POST or None, initial=initial, section=section, activities=activities)
    if form.is_valid():
        services.section_update(section=section, text=form.cleaned_data["text"],
                                informed_by=list(form.cleaned_data.get("informed_by") or []), by=request.user)
        messages.success(request, f"Saved: {section.title}")
        return redirect(_page_url(specification, f"section-{section.key}"))
    return render(request, "specifications/section_edit.html", _context(specification, section=section, form=form, hint=BY_KEY.get(section.key)))


@require_http_methods(["GET", "POST"])
def comment_add(request: HttpRequest, programme_id: int, specification_id: int, section_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, COMMENT)
    section = selectors.section_or_404(specification=specification, section_id=section_id)
    if not section.version.is_draft:
        return _published(request, specification)
    form = CommentForm(data=request.POST or None, section=section)
    if form.is_valid():
        services.comment_add(section=section, by=request.user, **form.cleaned_data)
        messages.success(request, "Thank you. Your comment is sent. You will see the answer on this page.")
        return redirect(_page_url(specification, f"section-{section.key}"))
    return render(request, "specifications/comment_add.html", _context(specification, section=section, form=form, words=selectors.glossary_for_page()))


@require_http_methods(["GET", "POST"])
def comment_answer(request: HttpRequest, programme_id: int, specification_id: int, comment_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, ANSWER)
    comment = selectors.comment_or_404(specification=specification, comment_id=comment_id)
    form = AnswerForm(data=request.POST or None, instance=comment)
    if form.is_valid():
        services.comment_answer(comment=comment, by=request.user, **form.cleaned_data)
        messages.success(request, f"Answer sent to {comment.author.display_name}")
        return redirect(_page_url(specification, f"comment-{comment.pk}") if comment.section.version.is_draft else _page_url(specification))
    return render(request, "specifications/comment_answer.html", _context(specification, comment=comment, form=form))


@require_http_methods(["GET", "POST"])
def criteria_edit(request: HttpRequest, programme_id: int, specification_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, CHANGE)
    version = selectors.versions_of(specification=specification)[0]
    if not version.is_draft:
        return _published(request, specification)
    existing = {criterion.pk: criterion for criterion in version.criteria.all()}
    initial = [{"criterion_id": c.pk, "title": c.title, "description": c.description, "weight": c.weight, "scored_on_price": c.scored_on_price} for c in existing.values()]
    formset = CriteriaFormSet(data=request.POST or None, initial=initial)
    if formset.is_valid():
        kept = [
            {**form.cleaned_data, "criterion": existing.get(form.cleaned_data.get("criterion_id"))}
            for form in formset.forms if form.in_use
        ]
        try:
            services.criteria_replace(version=version, criteria=kept, by=request.user)
        except ValidationError as error:
            errors_onto_form(formset, error)
        else:
            messages.success(request, "Evaluation criteria saved")
            return redirect(_page_url(specification, f"section-{EVALUATION}"))
    return render(request, "specifications/criteria_edit.html", _context(specification, version=version, formset=formset, has_errors=request.method == "POST"))


@require_http_methods(["GET", "POST"])
def shortlist_questions(request: HttpRequest, programme_id: int, specification_id: int) -> HttpResponse:
    """The pass or fail questions and minimum standards of the draft, and adding one."""
    specification = _specification(request, programme_id, specification_id, CHANGE)
    version = selectors.versions_of(specification=specification)[0]
    if not version.is_draft:
        return _published(request, specification)
    form = ShortlistQuestionForm(data=request.POST or None)
    if form.is_valid():
        try:
            services.shortlist_question_add(version=version, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            messages.success(request, "Shortlisting question added")
            return redirect(reverse("specifications:shortlist_questions", kwargs={"programme_id": programme_id, "specification_id": specification.pk}))
    return render(request, "specifications/shortlist_questions.html", _context(
        specification, version=version, form=form, questions=selectors.shortlist_questions_of(version=version),
    ))


@require_POST
def shortlist_question_delete(request: HttpRequest, programme_id: int, specification_id: int, question_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, CHANGE)
    question = selectors.shortlist_question_or_404(specification=specification, question_id=question_id)
    try:
        services.shortlist_question_delete(question=question, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Shortlisting question removed")
    return redirect(reverse("specifications:shortlist_questions", kwargs={"programme_id": programme_id, "specification_id": specification.pk}))


@require_http_methods(["GET", "POST"])
def question_add(request: HttpRequest, programme_id: int, specification_id: int, criterion_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, COMMENT)
    criterion = selectors.criterion_or_404(specification=specification, criterion_id=criterion_id)
    if not criterion.version.is_draft:
        return _published(request, specification)
    form = QuestionForm(data=request.POST or None)
    if form.is_valid():
        services.question_add(criterion=criterion, by=request.user, **form.cleaned_data)
        messages.success(request, "Question added for bidders")
        return redirect(_page_url(specification, f"criterion-{criterion.pk}"))
    return render(request, "specifications/question_form.html", _context(specification, criterion=criterion, form=form, page_title="Suggest a question for bidders"))


@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, programme_id: int, specification_id: int, question_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, CHANGE)
    question = selectors.question_or_404(specification=specification, question_id=question_id)
    if not question.criterion.version.is_draft:
        return _published(request, specification)
    form = QuestionForm(data=request.POST or None, instance=question, submit="Save this question")
    if form.is_valid():
        services.question_update(question=question, by=request.user, **form.cleaned_data)
        messages.success(request, "Question saved")
        return redirect(_page_url(specification, f"criterion-{question.criterion_id}"))
    return render(request, "specifications/question_form.html", _context(
        specification, criterion=question.criterion, question=question, form=form, page_title="Change a question for bidders"))


@require_POST
def question_delete(request: HttpRequest, programme_id: int, specification_id: int, question_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, CHANGE)
    question = selectors.question_or_404(specification=specification, question_id=question_id)
    try:
        services.question_delete(question=question, by=request.user)
    except ValidationError:
        return _published(request, specification)
    messages.success(request, "Question removed")
    return redirect(_page_url(specification, f"criterion-{question.criterion_id}"))


@require_GET
def version_list(request: HttpRequest, programme_id: int, specification_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id)
    versions = selectors.versions_of(specification=specification)
    by_number = {str(version.number): version for version in versions}
    older, newer = by_number.get(request.GET.get("from", "")), by_number.get(request.GET.get("to", ""))
    if (older is None or newer is None) and len(versions) >= 2:
        older, newer = versions[1], versions[0]
    changes = None
    if older and newer:
        changes = selectors.compare(selectors.version_contents(version=older, with_comments=False),
                                    selectors.version_contents(version=newer, with_comments=False))
    return render(request, "specifications/version_list.html", _context(specification, versions=versions, older=older, newer=newer, changes=changes))


@require_POST
def version_publish(request: HttpRequest, programme_id: int, specification_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, CHANGE)
    version = selectors.versions_of(specification=specification)[0]
    try:
        services.version_publish(version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Version {version.number} is published. It will not change.")
    return redirect(_page_url(specification))


@require_POST
def draft_start(request: HttpRequest, programme_id: int, specification_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id, CHANGE)
    try:
        draft = services.draft_start(specification=specification, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Version {draft.number} started as a copy of version {draft.number - 1}")
    return redirect(_page_url(specification))


@require_POST
def version_pdf(request: HttpRequest, programme_id: int, specification_id: int) -> HttpResponse:
    specification = _specification(request, programme_id, specification_id)
    version = selectors.version_chosen(selectors.versions_of(specification=specification), request.POST.get("version"))
    job = report_job_request(kind=SPECIFICATION_PDF, requested_by=request.user, subject=version, request=request)
    return redirect("reports:job_detail", job_id=job.pk)


@require_GET
def glossary(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("specifications.view_glossary"):
        raise PermissionDenied
    return render(request, "specifications/glossary.html", {
        "page": Paginator(selectors.glossary_terms(), settings.PAGE_SIZE).get_page(request.GET.get("page")),
        "can_change": request.user.has_perm("specifications.change_glossary"),
    })


def _glossary_form(request: HttpRequest, term: GlossaryTerm | None) -> HttpResponse:
    if not request.user.has_perm("specifications.change_glossary"):
        raise PermissionDenied
    initial = {"term": term.term, "explanation": term.explanation} if term else None
    form = GlossaryTermForm(data=request.POST or None, initial=initial, submit="Save" if term else "Add to the glossary")
    if form.is_valid():
        try:
            saved = services.glossary_term_save(term=term, word=form.cleaned_data["term"], explanation=form.cleaned_data["explanation"], by=request.user)
        except ValidationError as error:
            errors_onto_form(form, error, "term")
        else:
            messages.success(request, f"Saved “{saved.term}”")
            return redirect(reverse("specifications:glossary") + f"#glossary-{saved.pk}")
    return render(request, "specifications/glossary_form.html", {"form": form, "term": term, "page_title": f"Change “{term.term}”" if term else "Add a word to the glossary"})


@require_http_methods(["GET", "POST"])
def glossary_add(request: HttpRequest) -> HttpResponse:
    return _glossary_form(request, None)


@require_http_methods(["GET", "POST"])
def glossary_edit(request: HttpRequest, term_id: int) -> HttpResponse:
    return _glossary_form(request, get_object_or_404(GlossaryTerm, pk=term_id))


@require_POST
def glossary_delete(request: HttpRequest, term_id: int) -> HttpResponse:
    if not request.user.has_perm("specifications.change_glossary"):
        raise PermissionDenied
    term = get_object_or_404(GlossaryTerm, pk=term_id)
    services.glossary_term_delete(term=term, by=request.user)
    messages.success(request, f"Removed “{term.term}” from the glossary")
    return redirect("specifications:glossary")
