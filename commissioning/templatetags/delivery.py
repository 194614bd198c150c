"""`{% delivery_summary programme %}`: "3 of 8 decisions delivered", for a programme's overview.
A tag (one query) rather than view context, so the overview only has to include it."""

from django import template

from ..selectors import delivery_counts

register = template.Library()


@register.inclusion_tag("commissioning/partials/_delivery_summary.html")
def delivery_summary(programme) -> dict:
    return {"programme": programme, "counts": delivery_counts(programme=programme)}
