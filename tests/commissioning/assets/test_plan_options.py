"""A local asset from the map as an option or community support in a person's plan."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.assets import services
from commissioning.assets.models import Asset
from coproduction.audit.models import AuditEvent
from tests.careplans.factories import CarePlanFactory, PersonFactory
from tests.commissioning.assets.factories import AssetFactory, PlaceFactory


@pytest.fixture
def al(team, practitioner, person):
    someone = PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh", preferred_name="Al")
    CarePlanFactory(person=someone, version=1, status="draft", created_by=practitioner)
    return someone


def find_url(person):
    return reverse("assets:plan_add", kwargs={"person_id": person.pk})


def plan_page(client, person):
    return BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": person.pk})).content, "html.parser")


def test_the_person_finds_a_step_free_asset_and_adds_it_as_an_option_linked_to_the_map(client_as, person, al):
    shed = AssetFactory(name="Kendal Men's Shed", step_free=True)
    AssetFactory(name="Upstairs club", step_free=False)
    client = client_as(person)
    assert plan_page(client, al).find("a", string="Find a local option on the map")["href"] == find_url(al)
    found = BeautifulSoup(client.get(find_url(al), {"access": "step_free"}).content, "html.parser").get_text(" ", strip=True)
    assert "Kendal Men's Shed" in found and "Upstairs club" not in found
    client.post(find_url(al), {"asset": shed.pk, "note": "Making things with others", "place": "option"})
    options = al.plans.get().section_data("outcomes")["lists"]["options"]
    assert options[0]["option"] == "Kendal Men's Shed" and options[0]["whose"] == "person" and options[0]["link"] == {"kind": "asset", "id": shed.pk}
    section = plan_page(client, al).select_one("#section-outcomes")
    link = section.select_one(".app-item-link a")
    assert link["href"] == reverse("assets:asset_detail", kwargs={"asset_id": shed.pk}) and "Making things with others" in section.get_text()
    assert AuditEvent.objects.filter(detail="item added: outcomes", subject=person).exists()


def test_the_practitioner_adds_community_support_and_the_plan_says_when_it_closes(client_as, practitioner, person, al):
    club = AssetFactory(name="Lunch club")
    client_as(practitioner).post(find_url(al), {"asset": club.pk, "note": "Company at lunch", "place": "support"})
    [support] = al.plans.get().section_data("needs")["lists"]["support"]
    assert (support["who"], support["need"], support["kind"], support["whose"]) == ("Lunch club", "Company at lunch", "community", "practitioner")
    Asset.objects.filter(pk=club.pk).update(status=Asset.Status.CLOSED)
    shown = plan_page(client_as(person), al).select_one("#section-needs .app-item-link").get_text(" ", strip=True)
    assert shown == "On the local map No longer available It has closed"


def test_a_suggested_asset_cannot_be_added_and_an_agreed_plan_takes_no_new_options(client_as, person, practitioner, al):
    waiting = AssetFactory(name="Waiting", status=Asset.Status.SUGGESTED)
    client = client_as(person)
    assert client.post(find_url(al), {"asset": waiting.pk, "place": "option"}).status_code == 404
    plan = al.plans.get()
    plan.status = "agreed"
    plan.save()
    shed = AssetFactory(name="Shed")
    assert client.post(find_url(al), {"asset": shed.pk, "place": "option"}).status_code == 404
    assert "Local options can be added while the plan is being written" in client.get(find_url(al)).content.decode()
    # The person cannot add to the team's support list.
    assert client.post(find_url(al), {"asset": shed.pk}).status_code in (403, 404)


def test_the_plan_page_resolves_linked_assets_in_one_query_however_many(client_as, person, practitioner, al, django_assert_num_queries):
    from tests.harness.queries import assert_fixed_queries

    plan = al.plans.get()
    services.plan_asset_choose(plan=plan, asset=AssetFactory(), place="option", note="", by=practitioner, writer="staff")
    client = client_as(person)

    def ten_more():
        for _ in range(10):
            services.plan_asset_choose(plan=plan, asset=AssetFactory(), place="support", note="", by=practitioner, writer="staff")

    # Representing, person, latest plan, linked assets, audit insert, comments, local assets in
    # the support, latest "not yet", finished reviews, the conversation about what matters.
    assert_fixed_queries(lambda: client.get(reverse("careplans:plan_detail", kwargs={"person_id": al.pk})), budget=10, grow=ten_more)


def test_local_options_are_found_near_the_persons_home_postcode_which_never_goes_in_the_address(client_as, person, practitioner, al):
    PlaceFactory(name="LA9 4DL")
    AssetFactory(name="Round the corner")
    AssetFactory(name="Over in Penrith", postcode="CA11 7YY", latitude="54.664000", longitude="-2.752000")
    client = client_as(person)
    page = BeautifulSoup(client.get(find_url(al)).content, "html.parser")
    # No postcode yet: everything, and a way to add it.
    names = [link.get_text(strip=True) for link in page.select(".app-asset-results__item h3 a")]
    assert names == ["Over in Penrith", "Round the corner"]
    assert page.select_one("#home-postcode a")["href"] == reverse("careplans:person_postcode", kwargs={"person_id": al.pk})
    assert "Add your home postcode" in page.select_one("#home-postcode").get_text()
    client.post(reverse("careplans:person_postcode", kwargs={"person_id": al.pk}), {"postcode": "la94dl"})
    page = BeautifulSoup(client.get(find_url(al)).content, "html.parser")
    assert [link.get_text(strip=True) for link in page.select(".app-asset-results__item h3 a")] == ["Round the corner"]
    assert "It searches near your home postcode, LA9 4DL." in page.select_one("#home-postcode").get_text()
    home = page.find("input", attrs={"name": "home"})
    assert home.has_attr("checked") and page.find("label", attrs={"for": home["id"]}).get_text(strip=True) == "Near your home postcode, LA9 4DL"
    # Searching again keeps "near home" in the address, never the postcode.
    found = client.get(find_url(al), {"home": "on", "q": ""})
    assert "LA9" not in found.request["QUERY_STRING"] and "Round the corner" in found.content.decode() and "Over in Penrith" not in found.content.decode()
    # Unticked, or another place typed: the whole map, or near that place.
    assert "Over in Penrith" in client.get(find_url(al), {"q": ""}).content.decode()
    staff = BeautifulSoup(client_as(practitioner).get(find_url(al)).content, "html.parser")
    assert "It searches near Al’s home postcode, LA9 4DL." in staff.select_one("#home-postcode").get_text()
