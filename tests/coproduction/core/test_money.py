"""Money is shown as money: "£240,000.00", through one filter."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from coproduction.core.money import money_text


@pytest.mark.parametrize(("value", "shown"), [
    (Decimal("240000"), "£240,000.00"),
    (240000, "£240,000.00"),
    ("1234.5", "£1,234.50"),
    (Decimal("0.005"), "£0.01"),
    (Decimal("-12.5"), "-£12.50"),
    (0, "£0.00"),
    (None, ""),
    ("not money", ""),
])
def test_amounts_show_pounds_with_commas_and_pence(value, shown):
    assert money_text(value) == shown


def test_the_template_filter_shows_the_same():
    assert Template("{% load money %}{{ amount|money }}").render(Context({"amount": Decimal("240000")})) == "£240,000.00"
