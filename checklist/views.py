"""Filling in the checklist: a person (or their representative), a practitioner with the
person, or a practitioner reflecting on their own practice. Answers are kept at every step."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careplans.selectors import reviews_of
from coproduction.people.models import Person
from coproduction.people.rules import representing_person_ids
from coproduction.people.selectors import own_person_record, person_list_visible_to
from careplans.views import person_or_404
from coproduction.accounts.models import User
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import get_visible_or_404, require_perm
from coproduction.core.forms import errors_onto_form

from . import selectors, services
from .forms import ChecklistAnswersForm, ReflectionStartForm
from .models import SCORE_LABELS, Checklist, Perspective


def _checklist_or_404(request: HttpRequest, checklist_id: int, permission: str) -> Checklist:
    return get_visible_or_404(request, selectors.checklist_for_page(), permission, pk=checklist_id)


def _checklist_to_fill(request: HttpRequest, checklist_id: int) -> tuple[Checklist, HttpResponse | None]:
    """The unsent checklist the user is filling in. Once sent, its pages (the check-answers page
    after a back button, say) say it has already been sent to anyone who may read it, not 403."""
    checklist = get_visible_or_404(request, selectors.checklist_for_page(), None, pk=checklist_id)
    if request.user.has_perm("checklist.change_checklist", checklist):
        return checklist, None
    if checklist.is_submitted and request.user.has_perm("checklist.view_checklist", checklist):
        return checklist, render(request, "checklist/already_sent.html", {"checklist": checklist})
    raise PermissionDenied


def _audit_read(request: HttpRequest, checklist: Checklist) -> None:
    audit_record(
        actor=request.user, action=AuditEvent.Action.VIEW, obj=checklist,
        subject=checklist.person.user if checklist.person_id else checklist.practitioner, request=request,
    )


def _who_for(checklist: Checklist, user: User) -> str:
    """Whose view the page asks for, in the words the page uses."""
    if checklist.perspective == Perspective.PRACTITIONER:
        return "your practice" if checklist.person_id is None else f"your practice with {checklist.person.full_name}"
    if checklist.person.user_id == user.pk:
        return "you"
    return checklist.person.display_name


def _how_completed(request: HttpRequest, person: Person):
    """Who is answering for the person: themselves, their representative, or their practitioner with them."""
    if person.user_id == request.user.pk:
        return Checklist.CompletedWith.SELF, None
    if person.pk in representing_person_ids(request.user):
        return Checklist.CompletedWith.REPRESENTATIVE, person.representatives.filter(user=request.user, withdrawn_on__isnull=True).first()
    return Checklist.CompletedWith.PRACTITIONER, None


def _start_redirect(request: HttpRequest, checklist: Checklist) -> HttpResponse:
    if request.POST.get("layout") == "one":
        return redirect("checklist:fill_one", checklist_id=checklist.pk, number=1)
    return redirect("checklist:fill", checklist_id=checklist.pk)


@require_GET
def statements(request: HttpRequest) -> HttpResponse:
    """What good care and support planning looks like: the statements, for everyone."""
    if not request.user.has_perm("checklist.view_statements"):
        raise PermissionDenied
    statement_set = selectors.statement_set_current()
    items = list(statement_set.statements.order_by("number")) if statement_set else []
    return render(request, "checklist/statements.html", {"statement_set": statement_set, "statements": items, "score_labels": SCORE_LABELS})


@require_http_methods(["GET", "POST"])
def start_own(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.complete_own"):
        raise PermissionDenied
    person = own_person_record(user=request.user)
    if person is None:
        return render(request, "checklist/no_record.html", status=404)
    if request.method == "POST":
        checklist = services.checklist_start(perspective=Perspective.PERSON, person=person, entered_by=request.user, request=request)
        return _start_redirect(request, checklist)
    rounds = selectors.open_rounds_for_person(person=person)
    return render(request, "checklist/start.html", {"person": person, "for_self": True, "rounds": rounds})


@require_http_methods(["GET", "POST"])
def start_for_person(request: HttpRequest, person_id: int) -> HttpResponse:
    """A representative on the person's behalf, or the person's practitioner with them."""
    person = person_or_404(request, person_id, "checklist.complete_for_person")
    completed_with, representative = _how_completed(request, person)
    if request.method == "POST":
        checklist = services.checklist_start(
            perspective=Perspective.PERSON, person=person, entered_by=request.user, request=request,
            completed_with=completed_with, representative=representative,
        )
        return _start_redirect(request, checklist)
    return render(request, "checklist/start.html", {"person": person, "for_self": False, "representative": representative})


@require_http_methods(["GET", "POST"])
def reflect(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("checklist.reflect"):
        raise PermissionDenied
    people = selectors.people_allocated_to(practitioner=request.user)
    form = ReflectionStartForm(data=request.POST or None, people=people)
    if form.is_valid():
        person = form.person()
        team = person.team if person else (request.user.memberships[0].team if request.user.memberships else None)
        if team is None:
            form.add_error("about", "You are not in a team yet. Ask your administrator to add you to your team")
        else:
            checklist = services.checklist_start(
                perspective=Perspective.PRACTITIONER, person=person, team=team, entered_by=request.user, request=request
            )
            return redirect("checklist:fill", checklist_id=checklist.pk)
    drafts = selectors.drafts_for(user=request.user)[:10]
    return render(request, "checklist/reflect.html", {"form": form, "drafts": drafts, "page_title": "Rate your own practice"})


def _save_or_show(request: HttpRequest, checklist: Checklist, statements, template: str, extra: dict) -> HttpResponse:
    answers = selectors.answers_for(checklist=checklist)
    form = ChecklistAnswersForm(data=request.POST or None, statements=statements, perspective=checklist.perspective, answers=answers)
    if request.method == "POST" and form.is_valid():
        try:
            services.checklist_save_answers(checklist=checklist, answers=form.answers(), by=request.user, request=request)
        except ValidationError as error:
            errors_onto_form(form, error)
        else:
            if "later" in request.POST:
                messages.success(request, "Your answers are saved. You can carry on at any time from your home page.")
                return redirect("accounts:home")
            return None
    if request.method == "GET":
        _audit_read(request, checklist)
    context = {"checklist": checklist, "form": form, "who": _who_for(checklist, request.user), **extra}
    return render(request, template, context, status=200)


@require_http_methods(["GET", "POST"])
def fill(request: HttpRequest, checklist_id: int) -> HttpResponse:
    """Every statement on one page."""
    checklist, sent = _checklist_to_fill(request, checklist_id)
    if sent:
        return sent
    statements = selectors.statements_for(checklist=checklist)
    response = _save_or_show(request, checklist, statements, "checklist/fill.html", {"statements": statements})
    return response or redirect("checklist:check", checklist_id=checklist.pk)


@require_http_methods(["GET", "POST"])
def fill_one(request: HttpRequest, checklist_id: int, number: int) -> HttpResponse:
    """One statement per page, for small screens and for anyone who finds that easier."""
    checklist, sent = _checklist_to_fill(request, checklist_id)
    if sent:
        return sent
    statements = selectors.statements_for(checklist=checklist)
    numbers = [statement.number for statement in statements]
    if number not in numbers:
        return redirect("checklist:fill_one", checklist_id=checklist.pk, number=numbers[0])
    index = numbers.index(number)
    extra = {
        "statement": statements[index], "position": index + 1, "count": len(statements),
        "previous": numbers[index - 1] if index else None,
    }
    response = _save_or_show(request, checklist, [statements[index]], "checklist/fill_one.html", extra)
    if response:
        return response
    if index + 1 < len(numbers) and "check" not in request.POST:
        return redirect("checklist:fill_one", checklist_id=checklist.pk, number=numbers[index + 1])
    return redirect("checklist:check", checklist_id=checklist.pk)


@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, checklist_id: int) -> HttpResponse:
    """Check your answers, then send them."""
    checklist, sent = _checklist_to_fill(request, checklist_id)
    if sent:
        return sent
    statements = selectors.statements_for(checklist=checklist)
    errors = []
    if request.method == "POST":
        try:
            services.checklist_submit(checklist=checklist, by=request.user, request=request)
        except ValidationError:
            answered = {rating.statement_id for rating in checklist.ratings.all()}
            errors = [(statement.number, f"Answer statement {statement.number}: {statement.plain_wording}") for statement in statements if statement.pk not in answered]
        else:
            messages.success(request, "Thank you. Your answers have been sent.")
            return redirect("checklist:detail", checklist_id=checklist.pk)
    else:
        _audit_read(request, checklist)
    answers = selectors.answers_for(checklist=checklist)
    rows = [(statement, answers.get(statement.pk)) for statement in statements]
    context = {"checklist": checklist, "rows": rows, "errors": errors, "who": _who_for(checklist, request.user)}
    return render(request, "checklist/check.html", context)


@require_http_methods(["GET", "POST"])
def discard(request: HttpRequest, checklist_id: int) -> HttpResponse:
    checklist, sent = _checklist_to_fill(request, checklist_id)
    if sent:
        return sent
    if request.method == "POST":
        services.checklist_discard(checklist=checklist, by=request.user, request=request)
        messages.success(request, "Your unfinished checklist has been deleted.")
        return redirect("accounts:home")
    return render(request, "checklist/discard.html", {"checklist": checklist})


@require_GET
def detail(request: HttpRequest, checklist_id: int) -> HttpResponse:
    checklist = _checklist_or_404(request, checklist_id, "checklist.view_checklist")
    if not checklist.is_submitted:
        if request.user.has_perm("checklist.change_checklist", checklist):
            return redirect("checklist:check", checklist_id=checklist.pk)
        raise PermissionDenied
    _audit_read(request, checklist)
    statements = selectors.statements_for(checklist=checklist)
    answers = selectors.answers_for(checklist=checklist)
    rows = [(statement, answers.get(statement.pk)) for statement in statements]
    return render(request, "checklist/detail.html", {"checklist": checklist, "rows": rows, "who": _who_for(checklist, request.user)})


@require_GET
def person_compare(request: HttpRequest, person_id: int) -> HttpResponse:
    """The person's ratings beside their practitioner's: where they see things differently."""
    person = person_or_404(request, person_id, "checklist.view_perception_gap")
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=person, subject=person.user, request=request, detail="checklist comparison")
    latest = selectors.person_latest_checklists(person=person)
    person_view, practitioner_view = latest.get(Perspective.PERSON), latest.get(Perspective.PRACTITIONER)
    statement_set = (person_view or practitioner_view).statement_set if (person_view or practitioner_view) else selectors.statement_set_current()
    statements = selectors.planning_statements(statement_set=statement_set) if statement_set else []
    person_answers = {r.statement_id: r for r in person_view.ratings.all()} if person_view else {}
    practitioner_answers = {r.statement_id: r for r in practitioner_view.ratings.all()} if practitioner_view else {}
    rows = []
    for statement in statements:
        theirs, ours = person_answers.get(statement.pk), practitioner_answers.get(statement.pk)
        gap = ours.score - theirs.score if theirs and ours and theirs.score and ours.score else None
        rows.append((statement, theirs, ours, gap, abs(gap) if gap else gap))
    same_set = not (person_view and practitioner_view) or person_view.statement_set_id == practitioner_view.statement_set_id
    context = {
        "person": person, "rows": rows, "person_view": person_view, "practitioner_view": practitioner_view, "same_set": same_set,
        "is_self": person.user_id == request.user.pk,
        "can_start": request.user.has_perm("checklist.complete_for_person", person),
        "answers_on_behalf": request.user.has_perm("checklist.answer_on_behalf"),
        "can_reflect": request.user.has_perm("checklist.reflect") and person.practitioner_id == request.user.pk,
    }
    return render(request, "checklist/person_compare.html", context)


@require_GET
def reflection(request: HttpRequest, user_id: int | None = None) -> HttpResponse:
    """A practitioner's own ratings over time, beside what the people they support said in total."""
    practitioner = request.user if user_id is None else get_object_or_404(selectors.practitioner_accounts(), pk=user_id)
    require_perm(request, "checklist.view_reflection", practitioner)
    period = request.GET.get("period") if request.GET.get("period") in selectors.PERIODS else "12m"
    start = selectors.period_start(period)
    statement_set = selectors.statement_set_current()
    statements = selectors.planning_statements(statement_set=statement_set) if statement_set else []
    data = selectors.reflection_for(practitioner=practitioner, start=start)
    rows = [(statement, selectors.cell_from(data["own"].get(statement.pk)), selectors.cell_from(data["people"].get(statement.pk))) for statement in statements]
    scored = [(cell.average, statement) for statement, cell, _ in rows if cell.average is not None]
    strongest = [statement for _, statement in sorted(scored, key=lambda pair: -pair[0])[:3]]
    to_improve = [statement for _, statement in sorted(scored, key=lambda pair: pair[0])[:3]]
    if practitioner.pk != request.user.pk:
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=practitioner, subject=practitioner, request=request, detail="checklist reflection")
    context = {
        "practitioner": practitioner, "is_self": practitioner.pk == request.user.pk, "rows": rows, "by_quarter": data["by_quarter"],
        "strongest": strongest, "to_improve": to_improve, "period": period, "periods": selectors.PERIODS, "min_group": selectors.min_group(),
    }
    return render(request, "checklist/reflection.html", context)


@require_POST
def review_questions(request: HttpRequest, person_id: int, review_id: int) -> HttpResponse:
    """The person's two questions about a review: was it about them, could they say how
    services could be better. Asked with them, by their representative, or by themselves."""
    person = get_visible_or_404(request, person_list_visible_to(user=request.user), pk=person_id)
    own = person.user_id == request.user.pk
    if not (own or request.user.has_perm("checklist.complete_for_person", person)):
        raise PermissionDenied
    review = get_object_or_404(reviews_of(person=person), pk=review_id)
    completed_with, representative = _how_completed(request, person)
    checklist = services.checklist_start(
        perspective=Perspective.PERSON, person=person, entered_by=request.user, review=review,
        completed_with=completed_with, representative=representative, request=request,
    )
    return redirect("checklist:fill", checklist_id=checklist.pk)
