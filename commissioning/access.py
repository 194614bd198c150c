"""Fetching a programme for a view: outside the user's reach is a 404, so a members-only
programme's existence is not given away."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from .models import Programme


def programme_or_404(request: HttpRequest, programme_id: int, permission: str = "commissioning.view_programme") -> Programme:
    programme = get_object_or_404(Programme.objects.select_related("lead", "current_stage"), pk=programme_id)
    if not request.user.has_perm(permission, programme):
        if request.user.has_perm("commissioning.view_programme", programme):
            raise PermissionDenied
        raise Http404
    return programme
