"""The local assets in a person's plan support, shown under the plan's "needs" section."""

from careplans.section_panels import register_section_panel

from . import selectors


def plan_local_assets(*, person, user) -> dict:
    """The assets added to any version of the person's plan, and whether this user may change them. One query."""
    return {
        "links": selectors.plan_assets_of_person(person=person),
        "can_add": user.has_perm("assets.add_to_plan") and user.has_perm("careplans.change_plan", person),
    }


register_section_panel(section_key="needs", template="assets/partials/plan_assets.html", context=plan_local_assets)
