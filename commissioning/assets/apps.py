from django.apps import AppConfig


class AssetsConfig(AppConfig):
    name = "commissioning.assets"
    label = "assets"
    verbose_name = "Asset mapping"

    def ready(self) -> None:
        from django.urls import reverse

        from commissioning.listings import register_listing_handlers
        from commissioning.sections import (
            ProgrammeSection,
            register_activity_kind,
            activity_programme,
            register_activity_link,
            register_section,
        )

        from . import listings, plan_panels, rules  # noqa: F401  (register the plan's assets panel and the permissions)

        # Groups elsewhere (a peer support network) list themselves on the map through this hook.
        register_listing_handlers(publish=listings.listing_publish, withdraw=listings.listing_withdraw)

        from commissioning.models import ActivityKind, Phase

        register_activity_kind(ActivityKind.ASSET_MAPPING, phase=Phase.PLAN, stage_name="Find out what matters locally")
        register_section(ProgrammeSection("Local assets", "assets:coverage", 75, phase="plan"))
        register_activity_link(
            "mapping_exercise",
            lambda exercise: reverse(
                "assets:mapping_detail", kwargs={"programme_id": exercise.activity.programme_id, "exercise_id": exercise.pk}
            ),
            permission="commissioning.view_programme", permission_object=activity_programme,
        )
