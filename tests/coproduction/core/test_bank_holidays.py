"""Bank holidays in England and Wales, as GOV.UK publishes them (https://www.gov.uk/bank-holidays)."""

import datetime

from coproduction.core.bank_holidays import bank_holidays


def _days(*days: str) -> set[datetime.date]:
    return {datetime.date.fromisoformat(day) for day in days}


def test_the_bank_holidays_are_those_govuk_publishes_substitute_days_and_proclamations_included():
    assert bank_holidays(2022) == _days(  # New Year's Day on a Saturday, Christmas on a Sunday, two proclamations
        "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29",
        "2022-09-19", "2022-12-26", "2022-12-27",
    )
    assert bank_holidays(2026) == _days(  # Boxing Day on a Saturday
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
    )
    assert bank_holidays(2027) == _days(  # Christmas on a Saturday, Boxing Day on a Sunday
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
    )
