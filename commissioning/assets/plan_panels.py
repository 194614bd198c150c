"""The local assets in a person's plan support, shown under the plan's "needs" section."""

from django.urls import reverse

from careplans.plan_links import PlanLink, register_plan_link
from careplans.section_panels import register_section_panel

from . import selectors
from .models import Asset


def plan_local_assets(*, person, user) -> dict:
    """The assets added to any version of the person's plan, and whether this user may change them. One query."""
    return {
        "links": selectors.plan_assets_of_person(person=person),
        "can_add": user.has_perm("assets.add_to_plan") and user.has_perm("careplans.change_plan", person),
    }


register_section_panel(section_key="needs", template="assets/partials/plan_assets.html", context=plan_local_assets)


def plan_find_local(*, person, user) -> dict:
    """A way to the map from the sections that choose options and support. No query."""
    return {"can_find": user.has_perm("careplans.write_plan", person)}


register_section_panel(section_key="outcomes", template="assets/partials/plan_find_local.html", context=plan_find_local)


def assets_linked(ids: set[int]) -> dict[int, PlanLink]:
    """The local assets a plan's options and support point at, and whether each is still there. One query."""
    closed = {Asset.Status.CLOSED: "It has closed", Asset.Status.DECLINED: "It was taken off the local map"}
    return {
        asset.pk: PlanLink(
            name=asset.name, url=reverse("assets:asset_detail", kwargs={"asset_id": asset.pk}), withdrawn=closed.get(asset.status, ""),
        )
        for asset in Asset.objects.filter(pk__in=ids).only("pk", "name", "status")
    }


register_plan_link("asset", assets_linked)
