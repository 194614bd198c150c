"""The demo's hundred or so real-looking assets, as a directory elsewhere would read them."""

import json

from django.urls import reverse

from commissioning.assets.models import Asset, Category
from tests.commissioning.assets.test_oruk import assert_valid
from tests.harness.demo import seed_demo


def test_the_demo_feed_passes_the_oruk_schema_and_leaves_out_people_and_suggestions(client):
    seed_demo()
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
