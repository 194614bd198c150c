"""NHS numbers: ten digits, the last a modulus 11 check digit, shown as 3-3-4 (485 777 3456)."""

import re

_NOT_DIGITS = re.compile(r"[\s-]")


def normalise_nhs_number(text: str) -> str:
    """The digits, with the spaces and hyphens people type between them taken out."""
    return _NOT_DIGITS.sub("", text or "")


def is_valid_nhs_number(text: str) -> bool:
    """Ten digits whose check digit is right: the first nine weighted 10 down to 2, summed,
    11 minus the remainder on dividing by 11 (11 becomes 0; 10 means no valid number)."""
    digits = normalise_nhs_number(text)
    if not re.fullmatch(r"\d{10}", digits):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def format_nhs_number(text: str) -> str:
    """Shown as the NHS shows it, in groups of 3, 3 and 4 digits."""
    digits = normalise_nhs_number(text)
    if len(digits) != 10:
        return text
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
