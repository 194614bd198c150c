from django import template

from ..sections import activity_url as link_for
from ..sections import programme_nav as nav_for
from ..sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_sections(context, programme):
    return sections_for(context["request"].user, programme)


@register.simple_tag(takes_context=True)
def programme_nav(context, programme):
    """(whole-programme pages, phases with their parts) for the programme's navigation."""
    return nav_for(context["request"].user, programme, context.get("section_url_name", ""))


@register.simple_tag(takes_context=True)
def activity_url(context, activity) -> str | None:
    """The page of the record that owns the activity (a workshop, a budgeting round) if the user
    may open it; "" when its page is closed to them; None when no record owns the activity."""
    return link_for(activity, context["request"].user)
