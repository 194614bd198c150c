"""Every page of the authorization matrix, as every role allowed to see it, in real Chromium
with axe-core: no WCAG 2.0/2.1/2.2 A or AA violation, and no script blocked by the CSP; and, on
the same page load, what axe cannot see (tests/harness/layout.py): no sideways scrolling at
320 px but for a table in its own region, text that grows to 200 % without being cut off, a
visible focus on every control, and "Skip to main content" as the first Tab stop.

The pages only read, so the world is built and committed once for the module (a live server
serves it to the browser on its own connection) and each role keeps one signed-in browser
tab for the whole sweep."""

import pytest
from django.urls import reverse

from tests.authorization_matrix import MATRIX
from tests.harness.browser import axe_violations, signed_in_context, watched_page
from tests.harness.layout import layout_problems
from tests.harness.matrix import ANONYMOUS, EVERYONE, Expect
from tests.harness.world import committed_world

pytestmark = [pytest.mark.browser]

# Downloads and probes, not pages.
NOT_PAGES = {
    "reports:job_download", "core:health_live", "core:health_ready",
    "budgeting:results_csv", "priorities:evidence_file", "priorities:outcome_framework_csv",
    "involvement:payment_file", "involvement:profile_download", "panels:response_file", "panels:ocds_releases", "monitoring:paper_file",
    "assets:oruk_api_details", "assets:oruk_service_list", "assets:oruk_service_detail",
    "assets:oruk_export", "assets:asset_import_template", "governance:sar_download", "training:material_file",
}
# A page no role may open has nothing to check here (the matrix test checks the refusals).
PAGE_ROWS = [
    row for row in MATRIX
    if row.url_name not in NOT_PAGES and any(row.expect[who] is Expect.OK for who in EVERYONE)
]


@pytest.fixture
def transactional_db(committed_world, django_db_blocker):
    """Replaces pytest-django's, which would empty the database after every case: the world
    stays for the next page, and is emptied once when the module ends."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def _database(transactional_db):
    """Replaces the suite's own autouse `db`: these cases share the committed world."""


@pytest.fixture(scope="module")
def tabs(browser, committed_world, live_server):
    """One signed-in browser tab per role (and one signed out), made when first needed and
    reused for every page: a new tab costs a new renderer process."""
    made = {}

    def tab_for(who):
        if who not in made:
            user = None if who == ANONYMOUS else committed_world["users"][who]
            made[who] = watched_page(signed_in_context(browser, live_server, user))
        made[who].console_errors.clear()
        return made[who]

    yield tab_for
    for page in made.values():
        page.context.close()


@pytest.mark.parametrize("row", PAGE_ROWS, ids=lambda row: row.test_id)
def test_every_page_passes_axe_and_the_layout_checks_for_every_role_that_may_see_it(row, committed_world, tabs, live_server):
    url = reverse(row.url_name, kwargs=row.kwargs(committed_world))
    problems = []
    for who in EVERYONE:
        if row.expect[who] is not Expect.OK:
            continue
        page = tabs(who)
        response = page.goto(url)
        assert response.status == 200, f"{who} got {response.status} for {url}"
        problems += [f"{who}: {violation}" for violation in axe_violations(page)]
        problems += [f"{who}: {problem}" for problem in layout_problems(page)]
        problems += [f"{who}: console: {error}" for error in page.console_errors]
    assert not problems, f"{url}\n" + "\n".join(problems)
