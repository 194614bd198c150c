"""`{{ amount|money }}`: the one way pages and PDFs show an amount of money ("£240,000.00")."""

from django import template

from coproduction.core.money import money_text

register = template.Library()


@register.filter
def money(value) -> str:
    return money_text(value)
