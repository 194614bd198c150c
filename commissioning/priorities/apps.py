from django.apps import AppConfig


class PrioritiesConfig(AppConfig):
    name = "commissioning.priorities"
    label = "priorities"
    verbose_name = "Priorities and outcomes"

    def ready(self) -> None:
        from django.urls import reverse

        from commissioning.sections import (
            ProgrammeSection,
            activity_programme,
            register_activity_link,
            register_section,
        )

        register_section(ProgrammeSection("Priorities", "priorities:priority_list", 20))
        register_section(ProgrammeSection("Outcomes", "priorities:outcome_list", 25))
        # A shortlist's activity (and so its decision) links back to the priorities page.
        register_activity_link(
            "priority_shortlist", lambda shortlist: reverse("priorities:priority_list", kwargs={"programme_id": shortlist.programme_id}),
            permission="commissioning.view_programme", permission_object=activity_programme,
        )
