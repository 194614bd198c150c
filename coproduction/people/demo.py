"""Demo people who draw on care and support, and their representatives."""

from coproduction.accounts.models import Team, User
from coproduction.core.demo import demo_seeder


@demo_seeder(10)
def seed_people_demo() -> None:
    """People who draw on care and support, at different stages, on Tom's caseload."""
    from datetime import date

    from coproduction.people.models import Person, Representative

    teams = {team.name: team for team in Team.objects.filter(organisation__name="Demo Council")}
    users = {user.email: user for user in User.objects.filter(email__endswith="@demo.example")}
    tom = users["practitioner@demo.example"]
    north = teams["North Adults Team"]
    for full_name, preferred, born, needs, capacity, account, practitioner, team in [
        ("Alan Marsh", "Al", date(1952, 4, 3), ["easy_read", "large_print", "support_person"], "has", "person@demo.example", tom, north),
        ("Rosa Benedetti", "Rosa", date(1979, 11, 20), ["easy_read"], "has", "assessor@demo.example", tom, north),
        ("Edith Clarke", "Edie", date(1938, 1, 15), ["hearing_loop"], "lacks", None, tom, north),
        ("Bashir Rahman", "", date(1990, 6, 9), ["interpreter"], "has", None, tom, north),
        ("Carys Evans", "", date(1967, 8, 30), ["bsl"], "not_assessed", None, None, north),
        ("Li Wei", "", date(1985, 2, 2), [], "has", None, None, teams["South Adults Team"]),
    ]:
        if Person.objects.filter(full_name=full_name).exists():
            continue
        Person.objects.create(
            full_name=full_name, preferred_name=preferred, date_of_birth=born, communication_needs=needs,
            interpreter_language="Sylheti" if "interpreter" in needs else "",
            best_time_and_place="Mornings, at home" if full_name != "Bashir Rahman" else "After 3pm, at the community hub",
            capacity=capacity,
            capacity_assessed_on=date(2026, 9, 1) if capacity != "not_assessed" else None,
            capacity_assessed_by="Tom Okafor, social worker" if capacity != "not_assessed" else "",
            team=team, practitioner=practitioner, user=users.get(account) if account else None,
        )
    # Home postcodes in Kendal, where the local map is: the plan's local options are found near them.
    for full_name, postcode in (("Alan Marsh", "LA9 4DL"), ("Rosa Benedetti", "LA9 5AB")):
        Person.objects.filter(full_name=full_name, postcode="").update(postcode=postcode)
    alan, edith = Person.objects.get(full_name="Alan Marsh"), Person.objects.get(full_name="Edith Clarke")
    if not alan.representatives.exists():
        Representative.objects.create(
            person=alan, user=users["carer@demo.example"], name="Maureen Marsh", relationship="carer",
            basis="consent", basis_notes="Al agreed at our first visit on 2 September 2026", recorded_by=tom,
        )
    if not edith.representatives.exists():
        Representative.objects.create(
            person=edith, name="Jean Clarke", relationship="family", basis="best_interests",
            basis_notes="Daughter; consulted at home about what matters to Edie", recorded_by=tom,
        )

