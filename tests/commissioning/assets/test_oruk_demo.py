"""The demo's hundred or so real-looking assets, as a directory elsewhere would read them."""

import json

from django.urls import reverse

from commissioning.assets.demo import seed_assets_demo
from commissioning.assets.models import Asset, Category
from commissioning.demo import seed_commissioning_demo
from coproduction.accounts.models import Role
from tests.commissioning.assets.test_oruk import assert_valid
from tests.coproduction.accounts.factories import UserFactory


def test_the_demo_feed_passes_the_oruk_schema_and_leaves_out_people_and_suggestions(client):
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER),
                        ("provider", Role.PROVIDER), ("assessor", Role.QUALITY_ASSESSOR)]:
        UserFactory(email=f"{email}@demo.example", roles=[role])
    seed_commissioning_demo()
    seed_assets_demo()
    document = json.loads(b"".join(client.get(reverse("assets:oruk_export")).streaming_content))
    assert_valid("service_list.json", document)
    for service in document["contents"]:
        assert_valid("service.json", service)
    expected = Asset.objects.filter(status__in=Asset.PUBLIC_STATUSES).exclude(category=Category.INDIVIDUAL)
    assert document["total_items"] == expected.count() > 50
    names = {service["name"] for service in document["contents"]}
    shared = set(expected.values_list("name", flat=True))  # a suggestion may repeat a published name
    assert not names & (set(Asset.objects.exclude(pk__in=expected.values("pk")).values_list("name", flat=True)) - shared)
    assert any(service.get("schedules") for service in document["contents"])
