"""Writes for commissioning programmes."""

from django.db import transaction

from .models import DEFAULT_STAGES, Programme, Stage


@transaction.atomic
def programme_create(*, lead, title: str, summary: str, visibility: str = Programme.Visibility.MEMBERS) -> Programme:
    """A new programme with the default stages, starting at the first."""
    programme = Programme.objects.create(lead=lead, title=title, summary=summary, visibility=visibility)
    stages = Stage.objects.bulk_create(
        Stage(programme=programme, phase=phase, name=name, description=description, position=position)
        for position, (phase, name, description) in enumerate(DEFAULT_STAGES, start=1)
    )
    programme.current_stage = stages[0]
    programme.save(update_fields=["current_stage"])
    return programme
