"""NHS numbers: the modulus 11 check digit, and shown as 3-3-4."""

import pytest

from coproduction.people.nhs_number import format_nhs_number, is_valid_nhs_number


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919", "4010232137"])
def test_valid_numbers_pass(number):
    assert is_valid_nhs_number(number)


@pytest.mark.parametrize("number", [
    "9434765918",  # wrong check digit
    "943476591",  # nine digits
    "94347659190",  # eleven
    "943476591X",
    "1000000010",  # the check digit would be 10: no valid number
    "",
])
def test_invalid_numbers_fail(number):
    assert not is_valid_nhs_number(number)


def test_shown_in_groups_of_three_three_four():
    assert format_nhs_number("9434765919") == "943 476 5919"
