"""Bank holidays in England and Wales, worked out from the rules rather than fetched, so nothing
depends on a feed being reachable: the eight yearly holidays, with a weekday "substitute day"
when New Year's Day, Christmas Day or Boxing Day falls at a weekend, and the days a royal
proclamation moved or added (GOV.UK, https://www.gov.uk/bank-holidays). A future proclamation
is added to PROCLAIMED."""

import datetime
from functools import cache

from dateutil.easter import easter

MONDAY, SATURDAY = 0, 5

# Year: (holidays the proclamation moved away, days it made holidays).
PROCLAIMED: dict[int, tuple[set[datetime.date], set[datetime.date]]] = {
    1995: ({datetime.date(1995, 5, 1)}, {datetime.date(1995, 5, 8)}),  # VE Day, 50 years on
    1999: (set(), {datetime.date(1999, 12, 31)}),  # the millennium
    2002: ({datetime.date(2002, 5, 27)}, {datetime.date(2002, 6, 3), datetime.date(2002, 6, 4)}),  # Golden Jubilee
    2011: (set(), {datetime.date(2011, 4, 29)}),  # a royal wedding
    2012: ({datetime.date(2012, 5, 28)}, {datetime.date(2012, 6, 4), datetime.date(2012, 6, 5)}),  # Diamond Jubilee
    2020: ({datetime.date(2020, 5, 4)}, {datetime.date(2020, 5, 8)}),  # VE Day, 75 years on
    2022: (
        {datetime.date(2022, 5, 30)},
        {datetime.date(2022, 6, 2), datetime.date(2022, 6, 3), datetime.date(2022, 9, 19)},  # Platinum Jubilee; a state funeral
    ),
    2023: (set(), {datetime.date(2023, 5, 8)}),  # the coronation
}


def _monday(year: int, month: int, *, last: bool) -> datetime.date:
    """The first or the last Monday of a month."""
    if last:
        day = datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
        return day - datetime.timedelta(days=(day.weekday() - MONDAY) % 7)
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(MONDAY - day.weekday()) % 7)


@cache
def bank_holidays(year: int) -> frozenset[datetime.date]:
    """England and Wales's bank holidays in a year."""
    sunday = easter(year)
    days = {
        sunday - datetime.timedelta(days=2),  # Good Friday
        sunday + datetime.timedelta(days=1),  # Easter Monday
        _monday(year, 5, last=False),  # early May
        _monday(year, 5, last=True),  # spring
        _monday(year, 8, last=True),  # summer
    }
    # New Year's Day, Christmas Day and Boxing Day, or at a weekend the next weekday not
    # already a holiday (so Christmas on a Saturday gives Monday 27th, Boxing Day Tuesday 28th).
    fixed = (datetime.date(year, 1, 1), datetime.date(year, 12, 25), datetime.date(year, 12, 26))
    days |= {day for day in fixed if day.weekday() < SATURDAY}
    for day in fixed:
        if day.weekday() >= SATURDAY:
            while day.weekday() >= SATURDAY or day in days:
                day += datetime.timedelta(days=1)
            days.add(day)
    moved_away, added = PROCLAIMED.get(year, (set(), set()))
    return frozenset((days - moved_away) | added)


def is_bank_holiday(day: datetime.date) -> bool:
    return day in bank_holidays(day.year)
