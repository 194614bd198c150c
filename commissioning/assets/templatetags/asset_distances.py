from django import template

from ..geo import distance_words

register = template.Library()


@register.filter
def distance_away(km) -> str:
    """An annotated distance in kilometres, said in the same unit as the search filters."""
    return "" if km is None else f"{distance_words(float(km))} away"
