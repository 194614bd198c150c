"""Demo data for `make run`: one account per role, so every capability shows at once.

Idempotent: running it again changes nothing that exists. Every app adds its own demo
records from its own `demo.py` (registered with `coproduction.core.demo.demo_seeder`), for
each demo account that should see them.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from coproduction.accounts.models import Organisation, Role, Team, TeamMembership, User
from coproduction.core.demo import demo_seeders

DEMO_PASSWORD = "demo-coproduction-2026"

DEMO_ACCOUNTS = [
    # email, full name, preferred name, roles, organisation, team, manages team
    ("commissioner@demo.example", "Priya Shah", "Priya", [Role.COMMISSIONER], "Demo Council", "Commissioning", False),
    ("practitioner@demo.example", "Tom Okafor", "Tom", [Role.PRACTITIONER], "Demo Council", "North Adults Team", False),
    ("manager@demo.example", "Grace Lindqvist", "Grace", [Role.TEAM_MANAGER], "Demo Council", "North Adults Team", True),
    ("person@demo.example", "Alan Marsh", "Al", [Role.PERSON], None, None, False),
    ("carer@demo.example", "Maureen Marsh", "Mo", [Role.CARER], None, None, False),
    ("provider@demo.example", "Dev Patel", "Dev", [Role.PROVIDER], "Riverside Support Ltd", None, False),
    ("assessor@demo.example", "Rosa Benedetti", "Rosa", [Role.QUALITY_ASSESSOR, Role.PERSON], None, None, False),
    ("head@demo.example", "Nadia Okoye", "Nadia", [Role.HEAD_OF_SERVICE], "Demo Council", None, False),
    ("admin@demo.example", "Sam Whitfield", "Sam", [Role.ADMINISTRATOR], "Demo Council", None, False),
    # The procurement officer on the demo panel (commissioning.panels), who scores price as well.
    ("procurement@demo.example", "Olu Adeyemi", "Olu", [Role.COMMISSIONER], "Demo Council", None, False),
]

# Colleagues so the manager's team page has people in it.
TEAM_COLLEAGUES = [
    ("j.adeyemi@demo.example", "Joy Adeyemi", "North Adults Team"),
    ("k.wright@demo.example", "Kieran Wright", "North Adults Team"),
    ("l.chen@demo.example", "Li Chen", "South Adults Team"),
]

ORGANISATIONS = [
    ("Demo Council", Organisation.Kind.COUNCIL, ["Commissioning", "North Adults Team", "South Adults Team"]),
    ("Riverside Support Ltd", Organisation.Kind.PROVIDER, []),
    ("Greenway Community Hub", Organisation.Kind.COMMUNITY, []),
]


class Command(BaseCommand):
    help = "Load demo organisations, teams and one account per role (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        organisations, teams = {}, {}
        for name, kind, team_names in ORGANISATIONS:
            organisations[name], _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind})
            for team_name in team_names:
                teams[team_name], _ = Team.objects.get_or_create(organisation=organisations[name], name=team_name)

        created = 0
        for email, full_name, preferred, roles, org, team, manages in DEMO_ACCOUNTS:
            user, was_created = self._account(email, full_name, preferred, roles, organisations.get(org))
            created += was_created
            if team:
                TeamMembership.objects.get_or_create(user=user, team=teams[team], defaults={"is_manager": manages})
        for email, full_name, team in TEAM_COLLEAGUES:
            user, was_created = self._account(email, full_name, "", [Role.PRACTITIONER], organisations["Demo Council"])
            created += was_created
            TeamMembership.objects.get_or_create(user=user, team=teams[team])

        # Then every app's own demo records, in the order each registered (coproduction.core.demo).
        for seed in demo_seeders():
            seed()

        self.stdout.write(f"Demo data ready ({created} new accounts).")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for email, full_name, _, roles, *_ in DEMO_ACCOUNTS:
            labels = ", ".join(Role(role).label.lower() for role in roles)
            self.stdout.write(f"  {email:<28} {full_name} ({labels})")

    def _account(self, email, full_name, preferred, roles, organisation) -> tuple[User, bool]:
        user = User.objects.filter(email=email).first()
        if user is not None:
            return user, False
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=full_name,
            preferred_name=preferred,
            roles=list(roles),
            organisation=organisation,
        )
        return user, True
