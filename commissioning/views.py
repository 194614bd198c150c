from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import selectors
from .access import programme_or_404


@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("commissioning.view_programme_list"):
        raise PermissionDenied
    page = Paginator(selectors.programmes_visible_to(user=request.user), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "commissioning/programme_list.html", {"page": page})


@login_not_required  # a public programme's summary is open to anyone; the check is below
@require_GET
def programme_detail(request: HttpRequest, programme_id: int) -> HttpResponse:
    if not request.user.is_authenticated and not selectors.is_public_programme_id(programme_id):
        return redirect_to_login(request.get_full_path())
    programme = programme_or_404(request, programme_id, "commissioning.view_programme_summary")
    return render(
        request,
        "commissioning/programme_detail.html",
        {"programme": programme, "section_url_name": "commissioning:programme_detail"},
    )
