"""Glossary markup for templates.

    {% load glossary %}                        {# `words`: selectors.glossary_for_page(), from the view #}
    {{ section.text|glossary:words|linebreaksbr }}
    {% glossary_list words %}                  {# the "Words we use" list the links point at #}

The list must come after every marked text, because it lists the terms those texts used.
Without an argument the filter only escapes, so it never fails on a page whose view passed no `words`."""

from django import template
from django.utils.html import escape

from ..glossary import Glossary

register = template.Library()


@register.filter(is_safe=True)
def glossary(text, words: Glossary | None = None):
    if words is None:
        return escape("" if text is None else text)
    return words.mark(text)


@register.inclusion_tag("specifications/partials/_glossary_list.html")
def glossary_list(words: Glossary, heading_level: int = 2) -> dict:
    return {"terms": words.used_terms() if words else [], "heading_level": heading_level}
