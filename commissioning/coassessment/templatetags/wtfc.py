"""{% wtfc_raised_by priority %}: on a priority's page, how many people's reviews raised it, when
it came from Working Together for Change. No query when the page fetched the priority with
select_related("wtfc_link__theme__exercise"); one otherwise."""

from django import template
from django.core.exceptions import ObjectDoesNotExist

from commissioning.coassessment.selectors import wtfc_priority_for

register = template.Library()


@register.inclusion_tag("coassessment/partials/_wtfc_raised_by.html")
def wtfc_raised_by(priority) -> dict:
    if type(priority).wtfc_link.is_cached(priority):
        try:
            return {"link": priority.wtfc_link}
        except ObjectDoesNotExist:
            return {"link": None}
    return {"link": wtfc_priority_for(priority=priority)}
