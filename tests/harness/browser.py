"""Real Chromium for browser and accessibility tests: the system's own, never a download."""

import os
import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client

from tests.harness.auth import login_as

# Chromium inside a container with no network and no GPU.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but no Chromium was found: install Debian's chromium package or set CHROMIUM")
        pytest.skip("No Chromium found: install chromium or set CHROMIUM to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def signed_in_context(browser, live_server, user=None, *, javascript: bool = True):
    """A browser context (its own cookies), signed in as `user` (None: signed out)."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    context.javascript_enabled = javascript
    if javascript:
        with_axe(context)
    if user is not None:
        client = login_as(Client(), user)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context


def watched_page(context):
    """A new page in `context`, collecting console errors and uncaught script errors."""
    page = context.new_page()
    page.javascript_enabled = context.javascript_enabled
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    # A script that throws is no console message, but breaks the page all the same.
    page.on("pageerror", lambda error: page.console_errors.append(f"uncaught: {error}"))
    return page


def signed_in_page(browser, live_server, user=None, *, javascript: bool = True):
    """A new browser page, signed in as `user` (None: signed out), collecting console errors."""
    return watched_page(signed_in_context(browser, live_server, user, javascript=javascript))


_AXE_SCRIPT = Axe().axe_script
_AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def with_axe(context):
    """axe-core in every document of `context` from its start. Sending the half-megabyte script
    over the wire to each page after it loads cost about a quarter of a second a page."""
    context.add_init_script(_AXE_SCRIPT)
    return context


def axe_violations(page) -> list[str]:
    if not getattr(page, "javascript_enabled", True):
        return _axe_violations_without_javascript(page)
    # A context made here has axe in every document already; any other page gets it once.
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", _AXE_OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results["violations"]
    ]


def _axe_violations_without_javascript(page) -> list[str]:
    """axe-core is JavaScript, and Playwright waits for ever to evaluate it in a page that may not
    run any. So the page's HTML as it is now, its own scripts taken out, is served again at the
    same address to a twin page that may run axe: the same document a visitor without JavaScript
    sees, with the same stylesheets."""
    html = re.sub(r"<script\b[^>]*>.*?</script>", "", page.content(), flags=re.DOTALL | re.IGNORECASE)
    twin_context = with_axe(page.context.browser.new_context())
    try:
        twin = twin_context.new_page()
        twin.route(page.url, lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html))
        twin.goto(page.url)
        twin.javascript_enabled = True
        return axe_violations(twin)
    finally:
        twin_context.close()
