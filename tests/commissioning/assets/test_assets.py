"""The community's asset map: finding assets, building the map together, moderation, the stale
check, mapping walks, care plans and coverage."""

import datetime
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from commissioning.assets import selectors, services, tasks
from commissioning.assets.geo import Point, normalise_postcode
from commissioning.assets.models import (
    Asset,
    Category,
    Cost,
    Place,
    PlanAsset,
    Suggestion,
)
from commissioning.models import ActivityKind
from coproduction.audit.models import AuditEvent
from tests.careplans.factories import CarePlanFactory, PersonFactory
from tests.commissioning.assets.factories import (
    AssetFactory,
    AssetModeratorFactory,
    OpeningTimeFactory,
    PlaceFactory,
    SuggestionFactory,
)
from tests.commissioning.factories import ProgrammeFactory
from tests.commissioning.priorities.factories import OutcomeFactory, PriorityFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input

SEARCH = reverse("assets:search")
SUGGEST = reverse("assets:suggest")
# Monday 23 November 2026, 10:30 in Kendal.
MONDAY_MORNING = datetime.datetime(2026, 11, 23, 10, 30, tzinfo=ZoneInfo("Europe/London"))


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def names(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select("#asset-results h3 a")]


def suggestion_data(**extra) -> dict:
    return {"name": "Saturday Gaming Club", "category": "association", "description": "Board games for adults.", "cost": "free", **extra}


# --- Postcodes and places -------------------------------------------------------------------

@pytest.mark.parametrize("typed,expected", [
    ("la9 4dl", "LA9 4DL"), ("LA94DL", "LA9 4DL"), ("sw1a 1aa", "SW1A 1AA"), ("M1 1AE", "M1 1AE"), ("EC1A 1BB", "EC1A 1BB"),
    ("LA9", None), ("12345", None), ("QQ1 1AA", None), ("LA9 4CI", None), ("", None),
])
def test_uk_postcodes_are_checked_and_written_the_standard_way(typed, expected):
    assert normalise_postcode(typed) == expected


def test_places_load_from_an_ons_style_file_and_bad_rows_are_reported():
    loaded, problems = services.places_load([
        {"pcds": "LA9 4DL", "lat": "54.3275", "long": "-2.7465", "oa21": "E00000001"},
        {"pcds": "NOT A CODE", "lat": "54.3", "long": "-2.7"},
        {"pcds": "LA9 5AB", "lat": "99.999999", "long": "0.000000"},  # ONS: no grid reference
        {"place": "Market Place", "lat": "54.3275", "long": "-2.7465"},
    ])
    assert loaded == 2
    assert problems == ["Row 3: not a UK postcode", "Row 4: impossible coordinates"]
    assert selectors.resolve_place("la9 4dl").label == "LA9 4DL"
    assert selectors.resolve_place("market").label == "Market Place"


def test_the_command_loads_the_demo_places_and_again_updates_them():
    out = StringIO()
    call_command("load_places", stdout=out)
    call_command("load_places", stdout=out)
    assert "Loaded" in out.getvalue()
    assert Place.objects.filter(key="LA94DL").count() == 1
    assert Place.objects.filter(kind=Place.Kind.PLACE, name="Kendal").exists()


def test_a_postcode_not_in_the_places_table_falls_back_to_published_assets_there():
    AssetFactory(postcode="LA9 7QH", latitude=Decimal("54.323"), longitude=Decimal("-2.758"))
    AssetFactory(postcode="LA9 7QH", latitude=Decimal("54.325"), longitude=Decimal("-2.760"))
    AssetFactory(postcode="LA9 7QH", status=Asset.Status.SUGGESTED, latitude=Decimal("10"), longitude=Decimal("10"))
    point = selectors.resolve_place("LA9 7QH")
    assert round(point.latitude, 3) == 54.324 and round(point.longitude, 3) == -2.759


# --- Finding assets --------------------------------------------------------------------------

def test_near_a_point_finds_only_assets_within_the_distance_nearest_first():
    centre = Point(54.3280, -2.7460, "Kendal")
    AssetFactory(name="Next door", latitude=Decimal("54.3281"), longitude=Decimal("-2.7461"))
    AssetFactory(name="Across town", latitude=Decimal("54.3400"), longitude=Decimal("-2.7460"))  # about 1.3 km north
    AssetFactory(name="Windermere", latitude=Decimal("54.3800"), longitude=Decimal("-2.9070"))  # about 11 km
    AssetFactory(name="Online", latitude=None, longitude=None, postcode="", online=True)
    found = list(selectors.search(selectors.Search(near=centre, within_miles=1)))
    assert [asset.name for asset in found] == ["Next door", "Across town"]
    assert found[0].distance < 0.05 and 1.2 < found[1].distance < 1.45
    with_online = selectors.search(selectors.Search(near=centre, within_miles=1, include_online=True))
    assert [asset.name for asset in with_online] == ["Next door", "Across town", "Online"]


def test_results_give_distances_in_miles_like_the_filter_with_km_in_brackets(client):
    PlaceFactory(name="LA9 4DL", latitude=Decimal("54.3280"), longitude=Decimal("-2.7460"))
    AssetFactory(name="Across town", latitude=Decimal("54.3400"), longitude=Decimal("-2.7460"))  # about 1.3 km north
    page = text(client.get(SEARCH, {"near": "la9 4dl", "within": "1"}))
    assert "1 asset within 1 mile of LA9 4DL" in page
    assert "0.8 miles (1.3 km) away" in page
    assert " km away" not in page


def test_filters_for_kind_cost_who_it_is_for_and_accessibility_combine():
    AssetFactory(name="Match", category=Category.PHYSICAL, cost=Cost.FREE, step_free=True, needs=["carers"], age_groups=["adults"])
    AssetFactory(name="Paid", category=Category.PHYSICAL, cost=Cost.PAID, step_free=True, needs=["carers"])
    AssetFactory(name="Steps", category=Category.PHYSICAL, cost=Cost.FREE, step_free=False, needs=["carers"])
    AssetFactory(name="Group", category=Category.ASSOCIATION, cost=Cost.FREE, step_free=True, needs=["carers"])
    AssetFactory(name="Not for carers", category=Category.PHYSICAL, cost=Cost.FREE, step_free=True, needs=["dementia"])
    AssetFactory(name="Match but suggested", category=Category.PHYSICAL, step_free=True, needs=["carers"], status=Asset.Status.SUGGESTED)
    found = selectors.search(selectors.Search(categories=["physical"], costs=["free", "low_cost"], access=["step_free"], needs=["carers"]))
    assert [asset.name for asset in found] == ["Match"]
    assert [a.name for a in selectors.search(selectors.Search(age_groups=["adults"]))] == ["Match"]


def test_open_now_is_worked_out_from_the_weekly_times():
    morning = AssetFactory(name="Morning group")
    OpeningTimeFactory(asset=morning, weekday=0, opens=datetime.time(9), closes=datetime.time(12))
    afternoon = AssetFactory(name="Afternoon group")
    OpeningTimeFactory(asset=afternoon, weekday=0, opens=datetime.time(13), closes=datetime.time(16))
    tuesday = AssetFactory(name="Tuesday group")
    OpeningTimeFactory(asset=tuesday, weekday=1, opens=datetime.time(9), closes=datetime.time(12))
    AssetFactory(name="No times")
    found = selectors.search(selectors.Search(open_now=True, now=MONDAY_MORNING))
    assert [asset.name for asset in found] == ["Morning group"]


def test_the_search_page_works_as_a_plain_form_without_signing_in(client):
    PlaceFactory(name="LA9 4DL")
    AssetFactory(name="Kendal Library", category=Category.INSTITUTION, latitude=Decimal("54.3268"), longitude=Decimal("-2.7457"))
    AssetFactory(name="Far away club", latitude=Decimal("54.60"), longitude=Decimal("-3.10"))
    AssetFactory(name="Waiting suggestion", status=Asset.Status.SUGGESTED)
    response = client.get(SEARCH, {"near": "la9 4dl", "within": "2", "category": "institution"})
    assert response.status_code == 200
    assert names(response) == ["Kendal Library"]
    assert "1 asset within 2 miles of LA9 4DL" in text(response)
    everything = client.get(SEARCH)
    assert "Waiting suggestion" not in text(everything)
    assert set(names(everything)) == {"Kendal Library", "Far away club"}


def test_text_search_finds_words_in_the_name_tags_and_description_and_the_starts_of_words(client):
    AssetFactory(name="Kendal Swimming Club", description="Lengths on Tuesdays.")
    AssetFactory(name="Allotment society", description="Plots to rent.", tags=["Gardening", "outdoors"])
    AssetFactory(name="Men's Shed", description="Woodwork and a cup of tea for older men.")
    AssetFactory(name="Library", description="Books.", status=Asset.Status.SUGGESTED, tags=["gardening"])
    assert names(client.get(SEARCH, {"q": "swim"})) == ["Kendal Swimming Club"]
    assert names(client.get(SEARCH, {"q": "garden"})) == ["Allotment society"]  # a tag, and only published assets
    assert names(client.get(SEARCH, {"q": "Woodwork TEA"})) == ["Men's Shed"]  # every word, in any case
    assert names(client.get(SEARCH, {"q": "tea swimming"})) == []
    assert names(client.get(SEARCH, {"q": "!!! ???"})) == []
    assert client.get(SEARCH, {"q": "'&|:*"}).status_code == 200


def test_htmx_gets_only_the_results_to_swap_in(client):
    AssetFactory(name="Kendal Library")
    response = client.get(SEARCH, {"q": "library"}, headers={"HX-Request": "true"})
    assert response.content.decode().lstrip().startswith('<div id="asset-results"')
    assert "Kendal Library" in text(response)
    assert "<h1" not in response.content.decode()


@pytest.mark.parametrize("near,message", [
    ("LA9 4XX1", "Enter a real postcode, like LA9 4DL"),
    ("ZZ99 9ZZ", "Enter a real postcode, like LA9 4DL"),
    ("Atlantis", "We do not know that postcode or place. Try a nearby postcode or a town centre"),
    ("LA9 7HT", "We do not know that postcode or place. Try a nearby postcode or a town centre"),
])
def test_a_wrong_postcode_or_place_is_explained_and_the_other_filters_kept(client, near, message):
    AssetFactory(name="Free group", cost=Cost.FREE)
    AssetFactory(name="Paid group", cost=Cost.PAID)
    response = client.get(SEARCH, {"near": near, "cost": "free"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.title.string.startswith("Error:")
    assert message in page.select_one(".govuk-error-summary").get_text()
    assert page.find("input", attrs={"name": "near"})["value"] == near
    assert page.find("input", attrs={"name": "cost", "value": "free"}).has_attr("checked")
    assert not page.find("input", attrs={"name": "cost", "value": "paid"}).has_attr("checked")
    assert names(response) == ["Free group"]


def test_nonsense_in_the_query_string_never_breaks_the_page(client):
    AssetFactory(name="Group")
    response = client.get(SEARCH, {"within": "999", "category": "spaceship", "page": "banana"})
    assert response.status_code == 200
    assert names(response) == ["Group"]


# --- Public pages show only public fields ------------------------------------------------------

def test_a_private_individuals_contact_details_are_never_public(client, client_as, commissioner, person):
    asset = AssetFactory(
        name="Bike repairs", category=Category.INDIVIDUAL, responsible_name="Ken Private", responsible_is_private=True,
        consent_to_publish=True, contact_name="Ken Private", phone="07700 900101", email="ken@example.org",
    )
    url = reverse("assets:asset_detail", kwargs={"asset_id": asset.pk})
    for viewer in (client, client_as(person)):
        page = text(viewer.get(url))
        assert "Bike repairs" in page
        assert "07700 900101" not in page and "ken@example.org" not in page and "Ken Private" not in page
        assert "put you in touch" in page
    assert "07700 900101" not in text(client.get(SEARCH))
    moderator_page = text(client_as(commissioner).get(url))
    assert "07700 900101" in moderator_page and "Ken Private" in moderator_page
    assert AuditEvent.objects.filter(actor=commissioner, action=AuditEvent.Action.VIEW, detail="private contact details read").count() == 1


def test_an_organisations_contact_details_are_public(client):
    asset = AssetFactory(name="Library", phone="01539 000000", email="library@example.org")
    page = text(client.get(reverse("assets:asset_detail", kwargs={"asset_id": asset.pk})))
    assert "01539 000000" in page and "library@example.org" in page


def test_who_suggested_an_asset_is_not_shown_publicly(client, person):
    asset = AssetFactory(name="Library", added_by=person)
    page = text(client.get(reverse("assets:asset_detail", kwargs={"asset_id": asset.pk})))
    assert person.display_name not in page and person.full_name not in page


def test_a_suggested_asset_is_not_public(client, client_as, person, carer):
    suggestion = SuggestionFactory(asset__added_by=person)
    url = reverse("assets:asset_detail", kwargs={"asset_id": suggestion.asset_id})
    assert client.get(url).status_code == 302
    assert client_as(carer).get(url).status_code == 404
    assert client_as(person).get(url).status_code == 200


# --- Building the map together ----------------------------------------------------------------

def test_anyone_signed_in_suggests_an_asset_a_moderator_publishes_it_and_the_suggester_sees_what_happened(client_as, person, carer, commissioner):
    AssetModeratorFactory(user=carer, appointed_by=commissioner)
    suggester = client_as(person)
    response = suggester.post(SUGGEST, suggestion_data(postcode="la9 4bh", opens_5="14:00", closes_5="17:30", tags="games, board games"))
    assert response.status_code == 302
    asset = Asset.objects.get(name="Saturday Gaming Club")
    assert asset.status == Asset.Status.SUGGESTED and asset.postcode == "LA9 4BH" and asset.added_by == person
    assert [(t.weekday, t.opens, t.closes) for t in asset.opening_times.all()] == [(5, datetime.time(14), datetime.time(17, 30))]
    assert asset.tags == ["games", "board games"]
    assert "Waiting for a moderator" in text(suggester.get(reverse("assets:my_suggestions")))
    suggestion = asset.suggestions.get()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CREATE, subject=person, detail="asset suggested").exists()

    # A community member cannot publish, even their own suggestion.
    review_url = reverse("assets:review", kwargs={"suggestion_id": suggestion.pk})
    assert suggester.post(review_url, {"decision": "accept"}).status_code == 403
    assert suggester.get(reverse("assets:review_list")).status_code == 403

    # The named moderator can.
    moderator = client_as(carer)
    assert "Saturday Gaming Club" in text(moderator.get(reverse("assets:review_list")))
    response = moderator.post(review_url, {"decision": "accept", "reply": "Thanks, it is on the map now."})
    assert response.status_code == 302
    asset.refresh_from_db()
    assert asset.status == Asset.Status.PUBLISHED and asset.last_checked_on is not None and asset.published_at is not None
    mine = text(suggester.get(reverse("assets:my_suggestions")))
    assert "Accepted" in mine and "Thanks, it is on the map now." in mine
    assert "Saturday Gaming Club" in names(suggester.get(SEARCH))


def test_a_moderator_can_decline_and_the_asset_stays_off_the_map(client_as, person, commissioner):
    suggestion = SuggestionFactory(asset__added_by=person, asset__name="Mint cake shop")
    response = client_as(commissioner).post(
        reverse("assets:review", kwargs={"suggestion_id": suggestion.pk}), {"decision": "decline", "reply": "We do not list shops."},
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.DECLINED and suggestion.asset.status == Asset.Status.DECLINED
    assert "We do not list shops." in text(client_as(person).get(reverse("assets:my_suggestions")))
    assert "Mint cake shop" not in text(client_as(person).get(SEARCH))


def test_likely_duplicates_are_flagged_before_publishing(client_as, commissioner, person):
    AssetFactory(name="Riverside Community Centre", postcode="LA9 4QG")
    AssetFactory(name="Hub", postcode="LA9 4DL")
    same_name = SuggestionFactory(asset__name="The riverside community centre!", asset__postcode="LA9 6BT", asset__added_by=person)
    inside = SuggestionFactory(asset__name="The Hub Café", asset__postcode="LA9 4DL", asset__added_by=person)
    different = SuggestionFactory(asset__name="Hub Youth", asset__postcode="LA9 5AB", asset__added_by=person)
    assert [a.name for a in selectors.duplicates_of(same_name.asset)] == ["Riverside Community Centre"]
    assert [a.name for a in selectors.duplicates_of(inside.asset)] == ["Hub"]
    assert list(selectors.duplicates_of(different.asset)) == []
    flagged = {s.asset.name: s.may_duplicate for s in selectors.review_queue()}
    assert flagged == {"The riverside community centre!": True, "The Hub Café": True, "Hub Youth": False}

    moderator = client_as(commissioner)
    url = reverse("assets:review", kwargs={"suggestion_id": same_name.pk})
    assert "This may be the same as 1 asset already known" in text(moderator.get(url))
    assert_bad_input(
        moderator, url, {"decision": "accept", "reply": "Thanks"},
        errors=["This may be the same as an asset already on the map. Check the list, then confirm it is different."],
        kept=["reply"], unchanged=lambda: Asset.objects.get(pk=same_name.asset_id).status,
    )
    moderator.post(url, {"decision": "accept", "not_a_duplicate": "on"})
    assert Asset.objects.get(pk=same_name.asset_id).status == Asset.Status.PUBLISHED


def test_a_private_individuals_gift_is_not_published_without_their_agreement(commissioner):
    suggestion = SuggestionFactory(asset__responsible_is_private=True, asset__consent_to_publish=False)
    with pytest.raises(Exception, match="agree"):
        services.suggestion_review(suggestion=suggestion, by=commissioner, accept=True)
    assert Asset.objects.get(pk=suggestion.asset_id).status == Asset.Status.SUGGESTED


def test_a_correction_waits_for_a_moderator_then_changes_the_asset(client_as, person, commissioner):
    asset = AssetFactory(name="Kendal Library", hearing_loop=True, description="Books.")
    suggester = client_as(person)
    form = BeautifulSoup(suggester.get(reverse("assets:correct", kwargs={"asset_id": asset.pk})).content, "html.parser")
    assert form.find("input", attrs={"name": "name"})["value"] == "Kendal Library"
    response = suggester.post(reverse("assets:correct", kwargs={"asset_id": asset.pk}), {
        "name": "Kendal Library", "category": asset.category, "description": "Books.", "cost": "free",
        "postcode": asset.postcode, "latitude": "54.328000", "longitude": "-2.746000", "note": "The loop is broken.",
    })
    assert response.status_code == 302
    correction = Suggestion.objects.get(kind=Suggestion.Kind.CORRECTION)
    assert correction.changes == {"hearing_loop": False}
    asset.refresh_from_db()
    assert asset.hearing_loop  # unchanged until a moderator accepts
    review = client_as(commissioner)
    assert "Hearing loop" in text(review.get(reverse("assets:review", kwargs={"suggestion_id": correction.pk})))
    review.post(reverse("assets:review", kwargs={"suggestion_id": correction.pk}), {"decision": "accept"})
    asset.refresh_from_db()
    assert not asset.hearing_loop


@pytest.mark.parametrize("data,errors", [
    ({"postcode": "LA9 4XX1"}, ["Enter a real postcode, like LA9 4DL"]),
    ({"latitude": "123", "longitude": "-2.7"}, ["Latitude must be between -90 and 90, and longitude between -180 and 180"]),
    ({"latitude": "54.3", "longitude": "-200"}, ["Latitude must be between -90 and 90, and longitude between -180 and 180"]),
    ({"latitude": "54.3"}, ["Enter both the latitude and the longitude, or neither"]),
    ({"latitude": "north", "longitude": "-2.7"}, ["Latitude must be a number, like 54.3280"]),
    ({"opens_0": "25:00", "closes_0": "12:00"}, ["Enter the Monday opening time like 09:30"]),
    ({"opens_0": "14:00", "closes_0": "12:00"}, ["The Monday closing time must be after the opening time"]),
    ({"name": "", "category": ""}, ["Enter the name of the asset", "Choose what kind of asset it is"]),
    ({"website": "not a web address"}, ["Enter a web address in the correct format, like https://example.org"]),
])
def test_bad_answers_when_suggesting_are_explained_and_nothing_is_saved(client_as, person, data, errors):
    assert_bad_input(
        client_as(person), SUGGEST, suggestion_data(description="Board games for adults.", **data),
        errors=errors, kept=["description"], unchanged=lambda: (Asset.objects.count(), Suggestion.objects.count()),
    )


def test_impossible_coordinates_are_refused_by_the_service_and_the_database(person):
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    with pytest.raises(ValidationError):
        services.asset_suggest(by=person, data={"name": "X", "category": "physical", "description": "Y", "latitude": Decimal("91"), "longitude": Decimal("0")})
    with pytest.raises(IntegrityError), transaction.atomic():
        Asset.objects.filter(pk=AssetFactory().pk).update(latitude=Decimal("95"))


# --- Needs checking --------------------------------------------------------------------------

@override_settings(ASSET_STALE_AFTER_DAYS=365)
def test_the_periodic_task_marks_assets_not_checked_for_a_year_and_moderators_see_them(client_as, commissioner):
    today = datetime.date.today()
    old = AssetFactory(name="Old bench", last_checked_on=today - datetime.timedelta(days=400))
    AssetFactory(name="Recent group", last_checked_on=today - datetime.timedelta(days=100))
    AssetFactory(name="Closed club", status=Asset.Status.CLOSED, last_checked_on=today - datetime.timedelta(days=900))
    suggested = AssetFactory(name="Suggested", status=Asset.Status.SUGGESTED, last_checked_on=None)
    assert tasks.assets_mark_stale.apply().get() == 1
    old.refresh_from_db()
    suggested.refresh_from_db()
    assert old.status == Asset.Status.NEEDS_CHECKING and suggested.status == Asset.Status.SUGGESTED
    assert Asset.objects.get(name="Recent group").status == Asset.Status.PUBLISHED
    moderator = client_as(commissioner)
    assert "Old bench" in text(moderator.get(reverse("assets:review_list")))
    # Still public while it waits, marked as needing a check.
    assert "Needs checking" in text(moderator.get(reverse("assets:asset_detail", kwargs={"asset_id": old.pk})))
    moderator.post(reverse("assets:mark_checked", kwargs={"asset_id": old.pk}))
    old.refresh_from_db()
    assert old.status == Asset.Status.PUBLISHED and old.last_checked_on == datetime.date.today()


@override_settings(ASSET_STALE_AFTER_DAYS=30)
def test_how_long_before_an_asset_needs_checking_is_a_setting():
    AssetFactory(last_checked_on=datetime.date.today() - datetime.timedelta(days=45))
    assert services.assets_mark_stale() == 1


# --- Mapping walks, care plans, coverage -----------------------------------------------------

def test_a_mapping_walk_is_an_activity_and_the_assets_it_found_link_to_it(client_as, commissioner, person):
    from commissioning.models import GroupMember

    programme = ProgrammeFactory(lead=commissioner)
    GroupMember.objects.create(programme=programme, user=person, member_role="lived_experience")
    response = client_as(commissioner).post(reverse("assets:mapping_add", kwargs={"programme_id": programme.pk}), {
        "title": "Walk around Fellside", "method": "walk", "area": "Fellside", "happened_on_0": "3", "happened_on_1": "10",
        "happened_on_2": "2026", "others_taking_part": "5",
    })
    assert response.status_code == 302
    activity = programme.activities.get()
    assert activity.kind == ActivityKind.ASSET_MAPPING and activity.mapping_exercise.area == "Fellside"
    member = client_as(person)
    member.post(SUGGEST + f"?activity={activity.pk}", suggestion_data(name="Fellside bench"))
    asset = Asset.objects.get(name="Fellside bench")
    assert asset.found_by_activity == activity
    mapping_url = reverse("assets:mapping_detail", kwargs={"programme_id": programme.pk, "exercise_id": activity.mapping_exercise.pk})
    asset_url = reverse("assets:asset_detail", kwargs={"asset_id": asset.pk})
    page = member.get(mapping_url).content.decode()
    assert "Fellside bench" in page and "5 others" in page and f'href="{asset_url}"' in page
    # Someone else in the group may not open the suggestion before it is published: its name, no link.
    other = UserFactory(roles=["carer"])
    GroupMember.objects.create(programme=programme, user=other, member_role="carer")
    other_client = client_as(other)
    page = other_client.get(mapping_url).content.decode()
    assert "Fellside bench" in page and f'href="{asset_url}"' not in page
    assert other_client.get(asset_url).status_code == 404


def test_an_activity_from_a_programme_someone_cannot_see_is_not_linked(client_as, person):
    other = ProgrammeFactory()
    exercise = services.mapping_exercise_record(programme=other, by=other.lead, title="Private walk", method="walk")
    client_as(person).post(SUGGEST + f"?activity={exercise.activity_id}", suggestion_data())
    assert Asset.objects.get().found_by_activity is None


def test_a_practitioner_adds_a_local_asset_to_a_plans_support(client_as, practitioner, person, team):
    someone = PersonFactory(user=person, team=team, practitioner=practitioner)
    plan = CarePlanFactory(person=someone, version=1, status="draft", created_by=practitioner)
    asset = AssetFactory(name="Kendal Men's Shed")
    staff = client_as(practitioner)
    found = text(staff.get(reverse("assets:plan_add", kwargs={"person_id": someone.pk}), {"q": "shed"}))
    assert "Kendal Men's Shed" in found
    staff.post(reverse("assets:plan_add", kwargs={"person_id": someone.pk}), {"asset": asset.pk, "note": "Making things with others"})
    link = PlanAsset.objects.get()
    assert link.plan == plan and link.added_by == practitioner
    plan_page = text(client_as(person).get(reverse("careplans:plan_detail", kwargs={"person_id": someone.pk})))
    assert "Local assets in my support Kendal Men's Shed : Making things with others" in plan_page
    assert AuditEvent.objects.filter(detail="local asset added to plan", subject=person).exists()
    # A suggestion cannot be added to a plan.
    waiting = AssetFactory(name="Waiting", status=Asset.Status.SUGGESTED)
    assert staff.post(reverse("assets:plan_add", kwargs={"person_id": someone.pk}), {"asset": waiting.pk}).status_code == 404


def test_the_plan_page_gets_its_local_assets_from_the_view_and_only_staff_may_change_them(client_as, practitioner, person, team):
    someone = PersonFactory(user=person, team=team, practitioner=practitioner)
    plan = CarePlanFactory(person=someone, version=1, status="draft", created_by=practitioner)
    shed = AssetFactory(name="Kendal Men's Shed")
    services.plan_asset_add(plan=plan, asset=shed, by=practitioner, note="")
    url = reverse("careplans:plan_detail", kwargs={"person_id": someone.pk})
    for user, may_change in ((practitioner, True), (person, False)):
        response = client_as(user).get(url)
        [needs] = [part for part in response.context["sections"] if part["section"].key == "needs"]
        [(template, panel)] = needs["panels"]
        assert template == "assets/partials/plan_assets.html"
        assert [link.asset for link in panel["links"]] == [shed] and panel["can_add"] is may_change
        assert ("Add a local asset to this plan's support" in text(response)) is may_change


def test_coverage_shows_which_needs_local_assets_meet_and_the_gaps(client_as, commissioner):
    programme = ProgrammeFactory(lead=commissioner)
    covered = OutcomeFactory(programme=programme, title="I have things to do that I enjoy")
    OutcomeFactory(programme=programme, title="I can get to work")
    priority = PriorityFactory(programme=programme, title="More to do at weekends", proposed_by=commissioner)
    shed = AssetFactory(name="Men's Shed")
    staff = client_as(commissioner)
    staff.post(reverse("assets:links", kwargs={"programme_id": programme.pk, "asset_id": shed.pk}),
               {"outcomes": [covered.pk], "priorities": [priority.pk]})
    assert list(shed.outcomes.all()) == [covered] and list(shed.priorities.all()) == [priority]
    page = BeautifulSoup(staff.get(reverse("assets:coverage", kwargs={"programme_id": programme.pk})).content, "html.parser")
    rows = {row.th.get_text(" ", strip=True).split(" Outcome")[0].split(" Priority")[0]: row.td.get_text(" ", strip=True)
            for row in page.select("tbody tr")}
    assert rows["I have things to do that I enjoy"] == "Men's Shed"
    assert rows["I can get to work"] == "Gap"
    assert "1 gap" in page.get_text()


def test_a_commissioner_names_a_community_moderator(client_as, commissioner, person):
    client_as(commissioner).post(reverse("assets:moderators"), {"email": person.email, "area": "Fellside"})
    assert person.asset_moderator.area == "Fellside"
    assert client_as(person).get(reverse("assets:review_list")).status_code == 200


def test_the_search_page_and_map_show_the_tile_attribution(client):
    AssetFactory(name="Library")
    page = BeautifulSoup(client.get(SEARCH).content, "html.parser")
    map_div = page.find(id="asset-map")
    assert map_div.has_attr("hidden")  # the script shows it; without JavaScript the list is the page
    assert "openstreetmap.org/copyright" in map_div["data-attribution"]
    markers = page.find(id="asset-markers")
    assert '"name": "Library"' in markers.string and "phone" not in markers.string
