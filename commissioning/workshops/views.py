"""A programme's workshops and events: planning them, inviting the group, replies with access
needs, who came, and what came out of it."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commissioning.access import programme_or_404
from commissioning.involvement.services import access_needs_read
from commissioning.models import Programme
from coproduction.core.access import require_visible
from coproduction.core.forms import errors_onto_form, saved_or_errors

from . import fed, selectors, services
from .forms import (
    AttendanceForm,
    FedForm,
    GuestInviteForm,
    IdeaForm,
    InviteForm,
    NotesForm,
    ReplyForm,
    WorkshopForm,
)
from .models import Workshop

SECTION = "workshops:workshop_list"


def _workshop_or_404(request: HttpRequest, programme_id: int, workshop_id: int, permission: str) -> tuple[Programme, Workshop]:
    programme = programme_or_404(request, programme_id)
    workshop = selectors.workshop_for_page(programme=programme, workshop_id=workshop_id, user=request.user)
    return programme, require_visible(request, workshop, permission)


def _posted(request: HttpRequest, button: str | None = None):
    if request.method != "POST" or (button and button not in request.POST):
        return None
    return request.POST


def _to_workshop(workshop: Workshop) -> HttpResponse:
    return redirect("workshops:workshop_detail", programme_id=workshop.programme_id, workshop_id=workshop.pk)


@require_GET
def workshop_list(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id)
    past = request.GET.get("when") == "past"
    workshops = selectors.workshops_in_programme(programme=programme, user=request.user, past=past)
    page = Paginator(workshops, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "workshops/workshop_list.html", {
        "programme": programme, "page": page, "past": past, "section_url_name": SECTION,
        "can_manage": request.user.has_perm("commissioning.manage_programme", programme),
        "extra_query": "when=past&" if past else "",
    })


@require_GET
def workshop_detail(request: HttpRequest, programme_id: int, workshop_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.view_workshop")
    can_manage = request.user.has_perm("workshops.manage_workshop", workshop)
    context = {
        "programme": programme, "workshop": workshop, "section_url_name": SECTION, "can_manage": can_manage,
        "can_see_joining": request.user.has_perm("workshops.view_joining_details", workshop),
        "invitation": workshop.viewer_invitation,
        "can_reply": request.user.has_perm("workshops.reply", workshop) and workshop.replies_open(),
        "counts": selectors.invitation_counts(workshop=workshop),
        "attendees": selectors.attendees(workshop=workshop) if workshop.attendance_recorded_at else [],
        "ideas": selectors.ideas_for(workshop=workshop),
        "fed": [(heading, items) for heading, items in fed.fed_by(workshop=workshop) if items],
    }
    if can_manage:
        invitations = selectors.invitations_for_organisers(workshop=workshop)
        services.access_needs_audit_read(invitations=invitations, by=request.user, request=request)
        # What each person's involvement profile says helps them take part, beside their reply.
        profiles = access_needs_read(users=[invitation.member.user for invitation in invitations], by=request.user, request=request)
        for invitation, (_, needs) in zip(invitations, profiles):
            invitation.profile_needs = needs
        context["invitations"] = invitations
        context["guests"] = selectors.guest_invitations(workshop=workshop)
        services.guest_invitations_audit_read(guests=context["guests"], by=request.user, request=request)
    return render(request, "workshops/workshop_detail.html", context)


def _back(programme, workshop=None) -> dict:
    if workshop is not None:
        url = reverse("workshops:workshop_detail", kwargs={"programme_id": programme.pk, "workshop_id": workshop.pk})
        return {"back_url": url, "back_label": "Back to the event"}
    return {"back_url": reverse("workshops:workshop_list", kwargs={"programme_id": programme.pk}), "back_label": "Back to workshops and events"}


@require_http_methods(["GET", "POST"])
def workshop_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = programme_or_404(request, programme_id, "commissioning.manage_programme")
    form = WorkshopForm(data=_posted(request), programme=programme)
    if form.is_valid():
        workshop = services.workshop_create(programme=programme, data=form.cleaned_data, stage=form.cleaned_data["stage"], by=request.user)
        messages.success(request, "Event saved. Next, record who you have invited.")
        return _to_workshop(workshop)
    return render(request, "commissioning/form.html", {
        "programme": programme, "form": form, "page_title": "Plan a workshop or event", "section_url_name": SECTION,
        **_back(programme),
    })


@require_http_methods(["GET", "POST"])
def workshop_edit(request: HttpRequest, programme_id: int, workshop_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.manage_workshop")
    form = WorkshopForm(data=_posted(request), instance=workshop, programme=programme)
    if form.is_valid():
        services.workshop_update(workshop=workshop, data=form.cleaned_data, stage=form.cleaned_data["stage"], by=request.user)
        messages.success(request, "Event saved")
        return _to_workshop(workshop)
    return render(request, "commissioning/form.html", {
        "programme": programme, "form": form, "page_title": f"Change {workshop.title}", "section_url_name": SECTION,
        **_back(programme, workshop),
    })


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, programme_id: int, workshop_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.manage_workshop")
    form = InviteForm(data=_posted(request), members=selectors.members_to_invite(workshop=workshop))
    if form.is_valid():
        services.invitations_send(workshop=workshop, members=form.cleaned_data["members"], sent_on=form.cleaned_data["sent_on"], by=request.user)
        messages.success(request, "Invitations recorded. The people you invited can now see the event and reply.")
        return _to_workshop(workshop)
    invited = selectors.invitations_for_organisers(workshop=workshop)
    return render(request, "workshops/invite.html", {
        "programme": programme, "workshop": workshop, "form": form, "section_url_name": SECTION, "invited": invited,
        "access_needs": access_needs_read(users=[invitation.member.user for invitation in invited], by=request.user, request=request),
        "page_title": f"Invite people to {workshop.title}",
    })


@require_http_methods(["GET", "POST"])
def guest_invite(request: HttpRequest, programme_id: int, workshop_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.manage_workshop")
    form = GuestInviteForm(data=_posted(request))
    guest = saved_or_errors(form, lambda: services.guest_invite(workshop=workshop, data=form.cleaned_data, by=request.user, request=request))
    if guest is not None:
        messages.success(request, f"Invitation recorded for {guest.name}. Print it or send it from this page.")
        return redirect("workshops:guest_invitation", programme_id=programme.pk, workshop_id=workshop.pk, guest_id=guest.pk)
    return render(request, "commissioning/form.html", {
        "programme": programme, "form": form, "page_title": "Invite someone who has no account", "section_url_name": SECTION,
        "intro": "Record the invitation, then print it or send it to them. They reply to you, and you can add what they need.",
        **_back(programme, workshop),
    })


@require_GET
def guest_invitation(request: HttpRequest, programme_id: int, workshop_id: int, guest_id: int) -> HttpResponse:
    """The invitation to print or send, in plain English, with how to reach the person for the officer."""
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.manage_workshop")
    guest = get_object_or_404(workshop.guest_invitations.select_related("invited_by"), pk=guest_id)
    services.guest_invitations_audit_read(guests=[guest], by=request.user, request=request)
    return render(request, "workshops/guest_invitation.html", {
        "programme": programme, "workshop": workshop, "guest": guest, "section_url_name": SECTION, **_back(programme, workshop),
    })


@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, programme_id: int, workshop_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.reply")
    invitation = workshop.viewer_invitation
    invitation.workshop = workshop
    form = ReplyForm(data=_posted(request), instance=invitation)
    if form.is_valid():
        try:
            services.invitation_reply(
                invitation=invitation, reply=form.cleaned_data["reply"], access_needs=form.cleaned_data["access_needs"],
                anything_else=form.cleaned_data["anything_else"], by=request.user, request=request,
            )
        except ValidationError as error:
            errors_onto_form(form, error, "reply")
        else:
            messages.success(request, "Thank you. Your reply has been sent to the organisers.")
            return _to_workshop(workshop)
    return render(request, "workshops/reply.html", {
        "programme": programme, "workshop": workshop, "invitation": invitation, "form": form, "section_url_name": SECTION,
        "replies_open": workshop.replies_open(), "page_title": f"Reply to the invitation: {workshop.title}",
    })


@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, programme_id: int, workshop_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.manage_workshop")
    invitations = workshop.invitations.select_related("member__user").order_by("member__user__full_name", "pk")
    form = AttendanceForm(
        data=_posted(request), workshop=workshop, invitations=invitations,
        initial={"attended": [invitation.pk for invitation in invitations if invitation.attended],
                 "others": workshop.activity.others_taking_part},
    )
    if form.is_valid():
        try:
            services.attendance_record(workshop=workshop, attended=form.cleaned_data["attended"], others=form.cleaned_data["others"], by=request.user)
        except ValidationError as error:
            errors_onto_form(form, error, "others")
        else:
            messages.success(request, "Saved who came. The programme's stage now shows who took part.")
            return _to_workshop(workshop)
    return render(request, "workshops/attendance.html", {
        "programme": programme, "workshop": workshop, "form": form, "section_url_name": SECTION,
        "page_title": f"Who came to {workshop.title}",
    })


@require_http_methods(["GET", "POST"])
def outcomes(request: HttpRequest, programme_id: int, workshop_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.manage_workshop")
    notes_form = NotesForm(data=_posted(request, "save_notes"), instance=workshop)
    idea_form = IdeaForm(data=_posted(request, "add_idea"), members=selectors.current_members(programme_id=programme.pk))
    if notes_form.is_valid():
        services.workshop_notes_update(workshop=workshop, notes=notes_form.cleaned_data["notes"], by=request.user)
        messages.success(request, "Notes saved")
        return redirect("workshops:outcomes", programme_id=programme.pk, workshop_id=workshop.pk)
    if idea_form.is_valid():
        services.idea_add(workshop=workshop, by=request.user, **idea_form.cleaned_data)
        messages.success(request, "Idea added")
        return redirect("workshops:outcomes", programme_id=programme.pk, workshop_id=workshop.pk)
    return render(request, "workshops/outcomes.html", {
        "programme": programme, "workshop": workshop, "notes_form": notes_form, "idea_form": idea_form,
        "ideas": selectors.ideas_for(workshop=workshop), "section_url_name": SECTION,
        "has_errors": bool(notes_form.errors or idea_form.errors),
    })


@require_POST
def idea_remove(request: HttpRequest, programme_id: int, workshop_id: int, idea_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.manage_workshop")
    idea = get_object_or_404(workshop.ideas, pk=idea_id)
    services.idea_remove(idea=idea, by=request.user)
    messages.success(request, "Idea removed")
    return redirect("workshops:outcomes", programme_id=programme.pk, workshop_id=workshop.pk)


@require_http_methods(["GET", "POST"])
def fed_edit(request: HttpRequest, programme_id: int, workshop_id: int) -> HttpResponse:
    programme, workshop = _workshop_or_404(request, programme_id, workshop_id, "workshops.manage_workshop")
    choices = fed.choices_for(programme=programme)
    form = FedForm(data=_posted(request), choices=choices, initial=fed.initial_for(workshop=workshop))
    if form.is_valid():
        offered = {name: queryset for name, (queryset, _) in choices.items()}
        services.workshop_fed_set(workshop=workshop, offered=offered, chosen=form.cleaned_data, by=request.user)
        messages.success(request, "Saved what the event fed into")
        return _to_workshop(workshop)
    return render(request, "commissioning/form.html", {
        "programme": programme, "form": form, "section_url_name": SECTION, **_back(programme, workshop),
        "page_title": f"What {workshop.title} fed into",
        "intro": "Tick the priorities, outcomes and parts of the specification that this event helped to shape. "
                 "They will show that they were informed by it.",
    })


@require_GET
def my_invitations(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("workshops.view_own_invitations"):
        raise PermissionDenied
    past = request.GET.get("when") == "past"
    invitations = selectors.invitations_for_person(user=request.user, past=past)
    page = Paginator(invitations, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "workshops/my_invitations.html", {"page": page, "past": past, "extra_query": "when=past&" if past else ""})
