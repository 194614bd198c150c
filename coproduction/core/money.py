"""Money as people read it: "£240,000.00", with a comma between thousands and always the pence.
Pages, PDFs and generated text all go through `money_text` (in templates, the `money` filter)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")


def money_text(value) -> str:
    """`Decimal("240000")` as "£240,000.00"; a negative amount as "-£12.50"; None or anything that is
    not a number as an empty string."""
    if value is None or isinstance(value, bool) or value == "":
        return ""
    try:
        amount = Decimal(str(value)).quantize(PENNY, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return ""
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"
