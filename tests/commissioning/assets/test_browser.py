"""The asset map in real Chromium: markers drawn with JavaScript and redrawn when htmx swaps the
results; without JavaScript, the list and the filters work on their own."""

from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse
from playwright.sync_api import expect

from commissioning.assets.models import Category
from tests.commissioning.assets.factories import AssetFactory, PlaceFactory
from tests.harness.browser import axe_violations, signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _assets():
    PlaceFactory(name="LA9 4DL")
    AssetFactory(name="Kendal Library", category=Category.INSTITUTION, latitude=Decimal("54.3268"), longitude=Decimal("-2.7457"))
    AssetFactory(name="Abbot Hall Park", category=Category.PHYSICAL, latitude=Decimal("54.3240"), longitude=Decimal("-2.7450"))
    AssetFactory(name="Men's Shed", category=Category.ASSOCIATION, latitude=Decimal("54.3300"), longitude=Decimal("-2.7480"))
    AssetFactory(name="Phone befriending", category=Category.INDIVIDUAL, latitude=None, longitude=None, postcode="", online=True)


# No tile server in the test container: markers only, so no failed image loads.
@override_settings(ASSET_TILE_URL="")
def test_the_map_draws_a_numbered_marker_for_each_result_and_redraws_after_filtering(browser, live_server):
    _assets()
    page = signed_in_page(browser, live_server)
    page.goto(reverse("assets:search"))
    map_region = page.get_by_role("region", name="Map of the results above. The numbers match the list.")
    expect(map_region).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(3)  # the online one has no place
    # Each marker is announced by its asset's name, not by its number alone.
    map_region.get_by_role("button", name="1. Abbot Hall Park", exact=True).click()
    expect(page.locator(".leaflet-popup").get_by_role("link", name="1. Abbot Hall Park")).to_be_visible()

    page.get_by_role("group", name="Kind of asset").get_by_label("Physical places and spaces").check()
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 asset", exact=True)).to_be_visible()
    expect(page.locator(".leaflet-marker-icon")).to_have_count(1)
    assert "category=physical" in page.url  # the address can be shared or bookmarked
    assert axe_violations(page) == []
    assert page.console_errors == []


@override_settings(ASSET_TILE_URL="")
def test_the_keyboard_reaches_the_results_before_the_map(browser, live_server):
    _assets()
    page = signed_in_page(browser, live_server)
    page.goto(reverse("assets:search"))
    expect(page.locator(".leaflet-marker-icon")).to_have_count(3)
    page.get_by_role("button", name="Search").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Abbot Hall Park"
    first_result = page.locator("#asset-results").bounding_box()
    assert page.locator("#asset-map").bounding_box()["y"] > first_result["y"]


def test_without_javascript_the_list_and_filters_work_and_the_map_stays_out_of_the_way(browser, live_server):
    _assets()
    page = signed_in_page(browser, live_server, javascript=False)
    page.goto(reverse("assets:search"))
    expect(page.locator("#asset-map")).to_be_hidden()
    results = page.locator("#asset-results")
    expect(results.get_by_role("link")).to_have_count(4)
    page.get_by_label("Near a postcode or place").fill("la9 4dl")
    page.get_by_label("Within").select_option("1")
    page.get_by_role("group", name="Cost").get_by_label("Free").check()
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="3 assets within 1 mile of LA9 4DL")).to_be_visible()
    links = results.locator("h3 a")
    assert links.all_inner_texts() == ["Kendal Library", "Men's Shed", "Abbot Hall Park"]  # nearest first
    links.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kendal Library")
