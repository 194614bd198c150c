from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    name = "commissioning"
    label = "commissioning"
    verbose_name = "Commissioning with local people"

    def ready(self) -> None:
        from . import home  # noqa: F401  (registers the home-page panel)
        from .sections import ProgrammeSection, register_section

        register_section(
            ProgrammeSection("Overview", "commissioning:programme_detail", 0, permission="commissioning.view_programme_summary", phase="")
        )
        register_section(ProgrammeSection("Group", "commissioning:group", 5, phase=""))
        register_section(ProgrammeSection("Decisions", "commissioning:decision_list", 90, phase=""))
        # Public for a public programme, like its overview.
        register_section(ProgrammeSection("You said, we did", "commissioning:delivery_list", 95, "commissioning.view_programme_summary", phase="review"))
