from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "commissioning.involvement"
    label = "involvement"
    verbose_name = "Involvement and recognition"

    def ready(self) -> None:
        from commissioning.sections import ProgrammeSection, register_section

        from . import home, ledger_home, signals  # noqa: F401  (home and ledger_home register the home-page panels)

        # Profiles and reach: snapshots of who took part, and the programme's reach tab.
        signals.connect()
        register_section(ProgrammeSection("Who took part", "involvement:programme_reach", 80))
        register_section(ProgrammeSection("Peer researchers", "involvement:peer_researchers", 85))
        register_section(ProgrammeSection("Recognition and expenses", "involvement:programme_claims", 86, permission="involvement.manage_claims"))
