from django import template

from ..models import PlanAsset

register = template.Library()


@register.inclusion_tag("assets/partials/plan_assets.html", takes_context=True)
def plan_local_assets(context, person):
    """The local assets added to any version of the person's plan. One query."""
    user = context["request"].user
    links = list(
        PlanAsset.objects.filter(plan__person=person).select_related("asset").order_by("asset__name", "-added_at")
    )
    seen, unique = set(), []
    for link in links:
        if link.asset_id not in seen:
            seen.add(link.asset_id)
            unique.append(link)
    return {
        "links": unique, "person": person, "is_self": context.get("is_self"),
        "can_add": user.has_perm("assets.add_to_plan") and user.has_perm("careplans.change_plan", person),
        "csrf_token": context.get("csrf_token"),
    }
