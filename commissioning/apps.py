from django.apps import AppConfig


class CommissioningConfig(AppConfig):
    name = "commissioning"
    label = "commissioning"
    verbose_name = "Commissioning with local people"

    def ready(self) -> None:
        from .sections import ProgrammeSection, register_section

        register_section(
            ProgrammeSection("Overview", "commissioning:programme_detail", 0, permission="commissioning.view_programme_summary")
        )
