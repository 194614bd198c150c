"""Administrators manage accounts, organisations and teams here."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record
from coproduction.core.access import require_perm
from coproduction.core.search import search_form_from_session

from . import selectors, services
from . import identity_provider
from .forms import AccountForm, AccountSearchForm, GroupMappingForm, OrganisationForm, TeamForm


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def user_list(request: HttpRequest) -> HttpResponse:
    require_perm(request, "accounts.view_user")
    form, done = search_form_from_session(request, key="accounts", form_class=AccountSearchForm)
    if done:
        return done
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    users = selectors.user_search(q=filters.get("q", ""), role=filters.get("role", ""))
    page = Paginator(users, 25).get_page(request.GET.get("page"))
    template = "accounts/user_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#user-table"
    return render(request, template, {"form": form, "page": page, "searching": form.is_bound})


@require_http_methods(["GET", "POST"])
def user_add(request: HttpRequest) -> HttpResponse:
    require_perm(request, "accounts.add_user")
    form = AccountForm(data=request.POST or None)
    if form.is_valid():
        user = services.account_create(data=form.cleaned_data, by=request.user, request=request)
        messages.success(request, f"Account added for {user.full_name}. We have emailed them a link to choose a password.")
        return redirect("accounts:user_list")
    return render(request, "accounts/user_form.html", {"form": form, "page_title": "Add an account"})


@require_http_methods(["GET", "POST"])
def user_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    require_perm(request, "accounts.change_user")
    account = selectors.account_or_404(user_id=user_id)
    form = AccountForm(data=request.POST or None, instance=account, acting_user=request.user)
    if request.method == "POST" and form.is_valid():
        services.account_update(user=account, data=form.cleaned_data, by=request.user, request=request)
        messages.success(request, f"Account saved for {account.full_name}")
        return redirect("accounts:user_list")
    if request.method == "GET":
        audit_record(actor=request.user, action=AuditEvent.Action.VIEW, obj=account, subject=account, request=request)
    context = {
        "form": form,
        "account": account,
        "page_title": f"Change {account.full_name}'s account",
        "provider_identities": selectors.provider_identities_of(user=account),
        "invitation_days": services.INVITATION_DAYS,
        "may_invite": identity_provider.configured() and request.user.has_perm("accounts.invite_to_council_sign_in", account),
    }
    return render(request, "accounts/user_form.html", context)


@require_POST
def user_sign_out_everywhere(request: HttpRequest, user_id: int) -> HttpResponse:
    return _account_action(
        request,
        user_id,
        services.account_sign_out_everywhere,
        "{name} is signed out everywhere. If they sign in with their council account, their groups are checked again.",
    )


@require_POST
def user_invite_council_sign_in(request: HttpRequest, user_id: int) -> HttpResponse:
    if not identity_provider.configured():
        raise Http404
    account = selectors.account_or_404(user_id=user_id)
    require_perm(request, "accounts.invite_to_council_sign_in", account)
    services.provider_invitation_send(user=account, by=request.user, request=request)
    messages.success(request, f"We have emailed {account.full_name} a link to sign in with their council account. "
        f"It works once, for {services.INVITATION_DAYS} days.",)
    return redirect("accounts:user_edit", user_id=account.pk)


@require_http_methods(["GET", "POST"])
def group_mapping_list(request: HttpRequest) -> HttpResponse:
    """Which of the council's identity provider groups give which staff roles and teams."""
    require_perm(request, "accounts.manage_group_mapping")
    form = GroupMappingForm(data=request.POST or None)
    if form.is_valid():
        mapping = services.group_mapping_create(data=form.cleaned_data, by=request.user, request=request)
        messages.success(request, f"Group added: {mapping}")
        return redirect("accounts:group_mapping_list")
    context = {
        "form": form,
        "mappings": selectors.group_mapping_list(),
        "provider_sign_in": identity_provider.configured(),
    }
    return render(request, "accounts/group_mapping_list.html", context)


@require_POST
def group_mapping_remove(request: HttpRequest, mapping_id: int) -> HttpResponse:
    require_perm(request, "accounts.manage_group_mapping")
    mapping = selectors.group_mapping_or_404(mapping_id=mapping_id)
    services.group_mapping_delete(mapping=mapping, by=request.user, request=request)
    messages.success(request, f"Group removed: {mapping}. Its members lose what it gave when they next sign in.")
    return redirect("accounts:group_mapping_list")


def _account_action(request: HttpRequest, user_id: int, action, message: str) -> HttpResponse:
    """A button on an account's page: do it, say so (`{name}` is the account's name), go back."""
    require_perm(request, "accounts.change_user")
    account = selectors.account_or_404(user_id=user_id)
    action(user=account, by=request.user, request=request)
    messages.success(request, message.format(name=account.full_name))
    return redirect("accounts:user_edit", user_id=account.pk)


@require_POST
def user_reset_two_factor(request: HttpRequest, user_id: int) -> HttpResponse:
    return _account_action(
        request, user_id, services.account_reset_two_factor, "{name} will set up two-factor sign-in again next time they sign in"
    )


@require_http_methods(["GET", "POST"])
def team_list(request: HttpRequest) -> HttpResponse:
    """Organisations with their teams, and forms to add either."""
    require_perm(request, "accounts.add_team")
    team_form = TeamForm(data=request.POST if "add_team" in request.POST else None, prefix="team")
    organisation_form = OrganisationForm(data=request.POST if "add_organisation" in request.POST else None, prefix="org")
    if team_form.is_bound and team_form.is_valid():
        team = services.team_create(data=team_form.cleaned_data, by=request.user, request=request)
        messages.success(request, f"Team added: {team.name}")
        return redirect("accounts:team_list")
    if organisation_form.is_bound and organisation_form.is_valid():
        organisation = services.organisation_create(data=organisation_form.cleaned_data, by=request.user, request=request)
        messages.success(request, f"Organisation added: {organisation.name}")
        return redirect("accounts:team_list")
    return render(
        request,
        "accounts/team_list.html",
        {
            "organisations": selectors.organisation_list_with_teams(),
            "team_form": team_form,
            "organisation_form": organisation_form,
            "form": organisation_form if organisation_form.is_bound else team_form,
        },
    )
