from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduction.people.selectors import person_list_visible_to
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many
from coproduction.core.access import get_visible_or_404
from coproduction.core.paging import countless_page

from . import services
from .forms import DeliveryFilterForm, PreferenceForm
from .models import Delivery
from .selectors import delivery_list_visible_to, messages_for, preference_for_user

PAGE_SIZE = 20


@require_GET
def message_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("notifications.view_messages"):
        raise PermissionDenied
    page = countless_page(messages_for(user=request.user), request.GET.get("page"), PAGE_SIZE)
    return render(request, "notifications/message_list.html", {"page": page})


@require_GET
def message_detail(request: HttpRequest, message_id: int) -> HttpResponse:
    # Someone else's message is a 404: that it exists is private too.
    message = get_visible_or_404(request, messages_for(user=request.user), "notifications.view_message", pk=message_id)
    # Only links inside the service are followed.
    link = message.link if message.link and url_has_allowed_host_and_scheme(message.link, allowed_hosts=None) else ""
    return render(request, "notifications/message_detail.html", {"message": message, "link": link})


@require_POST
def message_mark(request: HttpRequest, message_id: int) -> HttpResponse:
    """Marks a message read (opening it from the list) or unread: a POST, never a GET, so a link
    checker or a browser's prefetch cannot change what is new."""
    message = get_visible_or_404(request, messages_for(user=request.user), "notifications.mark_message", pk=message_id)
    if request.POST.get("read") == "no":
        services.message_mark_unread(message=message)
        flash.success(request, f"“{message.subject}” is marked as unread")
        return redirect("notifications:message_list")
    services.message_mark_read(message=message)
    return redirect("notifications:message_detail", message_id=message.pk)


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("notifications.change_own_preference"):
        raise PermissionDenied
    preference = preference_for_user(user=request.user)
    form = PreferenceForm(data=request.POST or None, initial=PreferenceForm.initial_from(preference))
    if request.method == "POST" and form.is_valid():
        services.preference_save(user=request.user, actor=request.user, request=request, **form.preference_data())
        flash.success(request, "Your choices are saved")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form, "preference": preference, "is_self": True})


@require_http_methods(["GET", "POST"])
def person_preferences(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_visible_or_404(request, person_list_visible_to(user=request.user).select_related("user"),
                                "notifications.change_person_preference", pk=person_id)
    preference = preference_for_user(user=person.user)
    form = PreferenceForm(data=request.POST or None, initial=PreferenceForm.initial_from(preference),
                          submit=f"Save {person.full_name}'s choices")
    if request.method == "POST" and form.is_valid():
        services.preference_save(user=person.user, actor=request.user, request=request, **form.preference_data())
        flash.success(request, f"{person.full_name}'s choices are saved")
        return redirect("careplans:person_detail", person_id=person.pk)
    if request.method == "GET":
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=person, subject=person.user,
                     request=request, detail="contact preferences")
    return render(request, "notifications/preferences.html",
                  {"form": form, "preference": preference, "is_self": False, "person": person})


@require_GET
def delivery_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("notifications.view_deliveries"):
        raise PermissionDenied
    form = DeliveryFilterForm(data=request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = countless_page(delivery_list_visible_to(user=request.user, status=status), request.GET.get("page"), 50)
    # Who was sent what is personal data: the administrator's reading is on the audit trail.
    audit_record_many(actor=request.user, action=AuditEvent.Action.VIEW, objects=page.object_list,
                      subject_of=lambda delivery: delivery.message.recipient, request=request, detail="sent messages")
    return render(request, "notifications/delivery_list.html", {
        "form": form, "page": page, "status": status,
        "extra_query": f"status={status}&" if status else "",
    })


@require_POST
def delivery_retry(request: HttpRequest, delivery_id: int) -> HttpResponse:
    delivery = get_visible_or_404(request, delivery_list_visible_to(user=request.user), "notifications.retry_delivery", pk=delivery_id)
    again = services.delivery_retry(delivery=delivery, actor=request.user, request=request)
    if again.status == Delivery.Status.QUEUED:
        flash.success(request, "The message is being sent again")
    else:
        flash.success(request, f"The message was not sent again. {again.error}")
    return redirect("notifications:delivery_list")
