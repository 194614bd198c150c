from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.assets.demo import WALK_TITLE, seed_assets_demo
from commissioning.assets.models import Asset, Suggestion
from commissioning.demo import seed_commissioning_demo
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_about_a_hundred_assets_in_one_town_and_suggestions_waiting(client):
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER),
                        ("provider", Role.PROVIDER), ("assessor", Role.QUALITY_ASSESSOR)]:
        UserFactory(email=f"{email}@demo.example", roles=[role])
    seed_commissioning_demo()
    seed_assets_demo()
    seed_assets_demo()  # idempotent
    public = Asset.objects.filter(status__in=Asset.PUBLIC_STATUSES)
    assert 95 <= public.count() <= 110
    assert not public.filter(latitude__isnull=True).exists()
    assert public.filter(status=Asset.Status.NEEDS_CHECKING).exists()
    waiting = Suggestion.objects.filter(status=Suggestion.Status.WAITING)
    assert {s.suggested_by.email for s in waiting} == {"person@demo.example", "carer@demo.example"}
    assert Asset.objects.filter(found_by_activity__title=WALK_TITLE).count() >= 10

    # Signed out: near the town centre, on the list and the map.
    page = BeautifulSoup(client.get(reverse("assets:search"), {"near": "Market Place", "within": "1"}).content, "html.parser")
    assert "within 1 mile of Market Place" in page.get_text()
    assert page.find(id="asset-markers").string.count('"lat"') == 25

    # Al sees what happened to his suggestions.
    login_as(client, UserFactory._meta.model.objects.get(email="person@demo.example"))
    mine = BeautifulSoup(client.get(reverse("assets:my_suggestions")).content, "html.parser").get_text(" ", strip=True)
    assert "Accepted" in mine and "Not accepted" in mine and "Waiting for a moderator" in mine
    # The duplicate is flagged for moderators.
    login_as(client, UserFactory._meta.model.objects.get(email="commissioner@demo.example"))
    review = client.get(reverse("assets:review_list")).content.decode()
    assert "May be a duplicate" in review
