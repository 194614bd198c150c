"""Query budgets: a page runs a fixed, small number of queries whatever the data size.

The signed-in account is read from the cache (coproduction/accounts/cached_user.py), so no
budget counts a query for it: a page's first query is its own (or a staff member's OTP device)."""

from collections.abc import Callable

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(fetch: Callable[[], object]) -> tuple[int, object, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        result = fetch()
    return len(captured.captured_queries), result, [q["sql"] for q in captured.captured_queries]


def assert_fixed_queries(fetch: Callable[[], object], *, budget: int, grow: Callable[[], None]) -> object:
    """Fetch, check the count is `budget`; grow the data tenfold; fetch again: the same count.
    A first, uncounted fetch warms the per-process caches (content types) as a running server has."""
    fetch()
    before, response, sql = count_queries(fetch)
    assert before == budget, f"{before} queries, budget {budget}:\n" + "\n".join(sql)
    grow()
    after, response, sql = count_queries(fetch)
    assert after == before, f"{after} queries after the data grew tenfold, {before} before:\n" + "\n".join(sql)
    return response
