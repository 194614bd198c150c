from django import template

from ..sections import sections_for

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_sections(context, programme):
    return sections_for(context["request"].user, programme)
