from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many
from coproduction.core.access import get_visible_or_404
from coproduction.core.forms import form_page
from coproduction.core.search import search_form_from_session
from coproduction.notifications.selectors import person_contact_summary

from . import selectors, services
from .forms import CaseloadSearchForm, PersonForm, PostcodeForm, RepresentativeForm, ReviewThemeForm
from coproduction.people.models import Person
from coproduction.people.selectors import person_list_visible_to, representative_list_for


def person_or_404(request: HttpRequest, person_id: int, permission: str) -> Person:
    # Outside the user's scope is a 404: that a person is known to the council is private too.
    return get_visible_or_404(request, person_list_visible_to(user=request.user), permission, pk=person_id)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def caseload(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("careplans.view_caseload"):
        raise PermissionDenied
    form, done = search_form_from_session(request, key="caseload", form_class=CaseloadSearchForm)
    if done:
        return done
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    show = request.GET.get("show", "") if request.GET.get("show") in selectors.CASELOAD_SHOW_LABELS else ""
    people = selectors.caseload_for(user=request.user, name=filters.get("name", ""), reference=filters.get("reference", ""), mine_only=filters.get("mine", False), show=show)
    page = Paginator(people, 25).get_page(request.GET.get("page"))
    # A list of names is a read of each person's record.
    audit_record_many(
        actor=request.user, action=AuditEvent.Action.VIEW, objects=page.object_list,
        subject_of=lambda person: person.user, request=request, detail="caseload",
    )
    template = "careplans/caseload.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#caseload-table"
    return render(request, template, {"form": form, "page": page, "searching": form.is_bound, "show": show, "extra_query": f"show={show}&" if show else "", "show_label": selectors.CASELOAD_SHOW_LABELS.get(show, "")})


@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("careplans.add_person"):
        raise PermissionDenied
    form = PersonForm(data=request.POST or None, user=request.user)
    if form.is_valid():
        person = services.person_create(data=form.person_data(), by=request.user, request=request)
        messages.success(request, f"{person.full_name} added")
        return redirect("careplans:person_detail", person_id=person.pk)
    return render(request, "careplans/person_form.html", {"form": form, "page_title": "Add a person"})


@require_http_methods(["GET"])
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.view_person")
    audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=person, subject=person.user, request=request)
    context = {
        "person": person,
        "representatives": representative_list_for(person=person),
        "can_change": request.user.has_perm("careplans.change_person", person),
        "can_write_plan": request.user.has_perm("careplans.write_plan", person),
        "can_review_access": request.user.has_perm("governance.view_access_review", person),
        "is_self": person.user_id == request.user.pk,
        "contact": person_contact_summary(person=person, viewer=request.user),
        "reviews": selectors.reviews_finished(person=person),
    }
    return render(request, "careplans/person_detail.html", context)


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_person")
    form = PersonForm(data=request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.person_update(person=person, data=form.person_data(), by=request.user, request=request)
        messages.success(request, "Changes saved")
        return redirect("careplans:person_detail", person_id=person.pk)
    if request.method == "GET":
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=person, subject=person.user, request=request)
    return render(request, "careplans/person_form.html", {"form": form, "person": person, "page_title": f"Change {person.full_name}'s details"})


@require_http_methods(["GET", "POST"])
def person_postcode(request: HttpRequest, person_id: int) -> HttpResponse:
    """The home postcode local options for the plan are found near: whoever may write the plan records it."""
    person = person_or_404(request, person_id, "careplans.write_plan")
    own = person.user_id == request.user.pk
    form = PostcodeForm(data=request.POST or None, initial={"postcode": person.postcode})
    back = reverse("careplans:plan_detail", kwargs={"person_id": person.pk}) + "#section-outcomes"
    if request.method == "POST" and form.is_valid():
        services.person_postcode_set(person=person, postcode=form.cleaned_data["postcode"], by=request.user, request=request)
        messages.success(request, ("Your postcode is saved" if own else "Postcode saved") if form.cleaned_data["postcode"] else "Postcode taken off the record")
        return redirect(back)
    if request.method == "GET":
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=person, subject=person.user, request=request, detail="postcode")
    if own:
        title, intro = "Your home postcode", "We use it only to find local groups and places near where you live. Leave it empty to take it off your record."
    else:
        title, intro = f"{person.display_name}’s home postcode", f"Used only to find local groups and places near where {person.display_name} lives."
    return form_page(request, form, title, back_url=back, intro=intro)


@require_http_methods(["GET", "POST"])
def representative_add(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_representatives")
    form = RepresentativeForm(data=request.POST or None, person=person)
    if form.is_valid():
        services.representative_add(person=person, data=form.cleaned_data, by=request.user, request=request)
        messages.success(request, f"{form.cleaned_data['name']} added")
        return redirect("careplans:person_detail", person_id=person.pk)
    return render(request, "careplans/representative_form.html", {"form": form, "person": person})


@require_http_methods(["GET", "POST"])
def representative_withdraw(request: HttpRequest, person_id: int, representative_id: int) -> HttpResponse:
    person = person_or_404(request, person_id, "careplans.change_representatives")
    representative = get_object_or_404(person.representatives.filter(withdrawn_on__isnull=True), pk=representative_id)
    if request.method == "POST":
        services.representative_withdraw(representative=representative, by=request.user, request=request)
        messages.success(request, f"{representative.name} can no longer see {person.display_name}'s plan")
        return redirect("careplans:person_detail", person_id=person.pk)
    return render(request, "careplans/representative_withdraw.html", {"person": person, "representative": representative})


@require_http_methods(["GET", "POST"])
def review_themes(request: HttpRequest) -> HttpResponse:
    """The council's own list of themes for review statements."""
    if not request.user.has_perm("careplans.change_reviewtheme"):
        raise PermissionDenied
    form = ReviewThemeForm(data=request.POST if "name" in request.POST else None)
    if form.is_valid():
        theme = services.review_theme_add(name=form.cleaned_data["name"], by=request.user, request=request)
        messages.success(request, f"Theme added: {theme.name}")
        return redirect("careplans:review_themes")
    if "toggle" in request.POST:
        theme = get_object_or_404(selectors.review_theme_list(), pk=request.POST["toggle"])
        services.review_theme_toggle(theme=theme, by=request.user, request=request)
        return redirect("careplans:review_themes")
    return render(request, "careplans/review_themes.html", {"form": form, "themes": selectors.review_theme_list()})
