"""Checklist answers when a person's care records are anonymised."""

from coproduction.governance.retention.services import on_person_anonymised
from coproduction.governance.retention.selectors import REMOVED

from .models import Rating


@on_person_anonymised
def anonymise_checklist_words(person_ids: list[int]) -> None:
    """Their own words go; the 1-5 scores stay in the totals."""
    Rating.objects.filter(checklist__person_id__in=person_ids).exclude(comment="").update(comment=REMOVED)
