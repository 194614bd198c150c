"""Fetching a programme for a view: outside the user's reach is a 404, so a members-only
programme's existence is not given away."""

from django.http import HttpRequest

from coproduction.core.access import get_visible_or_404

from .models import Programme


def programme_or_404(request: HttpRequest, programme_id: int, permission: str = "commissioning.view_programme") -> Programme:
    # Someone who may see the programme but not do this is told so (a 403).
    return get_visible_or_404(request, Programme.objects.select_related("lead", "current_stage"), permission,
                              visible_perm="commissioning.view_programme", pk=programme_id)
