"""`{% fixed_url "app:name" %}`: `{% url %}` for a link that takes no arguments, reversed once
per process (coproduction/core/fixed_urls.py). The layout's links use it."""

from django import template

from coproduction.core.fixed_urls import fixed_url as _fixed_url

register = template.Library()


@register.simple_tag(takes_context=True)
def fixed_url(context, url_name: str) -> str:
    return _fixed_url(url_name, context.get("request"))
