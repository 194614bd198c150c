from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "commissioning.involvement"
    label = "involvement"
    verbose_name = "Involvement and recognition"

    def ready(self) -> None:
        from commissioning.sections import ProgrammeSection, register_section

        from commissioning.participants import on_participants_added, on_participants_removed

        # Importing these registers the home-page panels, and the parts' rules (django-rules
        # imports only this app's own rules.py, on which theirs build).
        from . import home  # noqa: F401
        from .ledger import home as ledger_home  # noqa: F401
        from .ledger import rules as ledger_rules  # noqa: F401
        from .selfassessment import home as selfassessment_home  # noqa: F401
        from .selfassessment import rules as selfassessment_rules  # noqa: F401
        from .services import participation_forget, participation_snapshot

        # Profiles and reach: the programme's reach tab. Snapshots of who took part are taken
        # when commissioning.participants records people added to (or taken off) an activity.
        on_participants_added(participation_snapshot)
        on_participants_removed(participation_forget)
        register_section(ProgrammeSection("Who took part", "involvement:programme_reach", 80, phase="review"))
        register_section(ProgrammeSection("Peer researchers", "involvement:peer_researchers", 85, phase="plan"))
        register_section(ProgrammeSection("Recognition and expenses", "involvement:programme_claims", 86, permission="involvement.manage_claims", phase=""))
