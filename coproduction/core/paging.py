"""Paging for very large tables (the audit trail): no COUNT(*), which on millions of rows
costs more than the page itself. Shows "Previous" and "Next", not "page 3 of 40,000". Where
the number of rows is kept rather than counted, KeptCountPaginator pages with it instead."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet


class KeptCountPaginator(Paginator):
    """A paginator told how many rows there are (a count the service keeps), so it asks the
    database only for the page itself."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.__dict__["count"] = count  # in place of the cached COUNT(*) query


@dataclass
class CountlessPage:
    object_list: list
    number: int
    per_page: int
    has_next: bool
    paginator = None  # templates show "Page N" rather than "Page N of M"

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.object_list else 0

    def end_index(self) -> int:
        return self.start_index() + len(self.object_list) - 1 if self.object_list else 0


def countless_page(queryset: QuerySet, page: str | None, per_page: int) -> CountlessPage:
    try:
        number = max(1, int(page or 1))
    except ValueError:
        number = 1
    offset = (number - 1) * per_page
    rows = list(queryset[offset : offset + per_page + 1])  # one extra row says whether there is a next page
    return CountlessPage(object_list=rows[:per_page], number=number, per_page=per_page, has_next=len(rows) > per_page)
