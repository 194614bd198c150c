"""Reads for commissioning programmes. Keep in step with commissioning.rules."""

from django.db.models import Q, QuerySet

from .models import Programme
from .rules import current_programme_ids, is_commissioner


def programmes_visible_to(*, user) -> QuerySet[Programme]:
    """Commissioners see every programme; anyone else the public ones and their own."""
    programmes = Programme.objects.select_related("current_stage", "lead")
    if is_commissioner(user):
        return programmes
    return programmes.filter(Q(visibility=Programme.Visibility.PUBLIC) | Q(pk__in=current_programme_ids(user)))


def is_public_programme_id(programme_id: int) -> bool:
    return Programme.objects.filter(pk=programme_id, visibility=Programme.Visibility.PUBLIC).exists()
