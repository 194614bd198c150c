from bs4 import BeautifulSoup
from django.urls import reverse

from coproduction.people.models import Person, Representative
from coproduction.audit.models import AuditEvent
from tests.careplans.factories import PersonFactory, RepresentativeFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def names_on(response) -> list[str]:
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select("#caseload-table tbody td:first-child a")]


def test_the_caseload_shows_only_my_teams_people_in_fixed_queries(client_as, practitioner, team, other_team):
    PersonFactory(full_name="Zara Outsider", team=other_team)
    PersonFactory.create_batch(10, team=team)
    client = client_as(practitioner)
    url = reverse("careplans:caseload")
    # OTP device, team ids, count, page, audit insert for the names shown.
    response = assert_fixed_queries(
        lambda: client.get(url), budget=5, grow=lambda: PersonFactory.create_batch(90, team=team)
    )
    assert "Zara Outsider" not in names_on(response)
    assert len(names_on(response)) == 25
    assert AuditEvent.objects.filter(actor=practitioner, detail="caseload").count() >= 25


def test_the_caseload_searches_by_name_and_by_allocation(client_as, practitioner, team):
    PersonFactory(full_name="Edith Clarke", team=team, practitioner=practitioner)
    PersonFactory(full_name="Edward Stone", team=team)
    client = client_as(practitioner)
    url = reverse("careplans:caseload")
    assert names_on(client.post(url, {"name": "ed"}, follow=True)) == ["Edith Clarke", "Edward Stone"]
    assert names_on(client.post(url, {"name": "ed", "mine": "on"}, follow=True)) == ["Edith Clarke"]
    assert names_on(client.get(url, {"clear": 1})) == ["Edith Clarke", "Edward Stone"]


def test_a_practitioner_adds_a_person_and_it_is_audited(client_as, practitioner, team, person):
    client = client_as(practitioner)
    response = client.post(
        reverse("careplans:person_add"),
        {
            "full_name": "Alan Marsh", "preferred_name": "Al",
            "date_of_birth_0": "3", "date_of_birth_1": "4", "date_of_birth_2": "1952",
            "communication_needs": ["large_print", "support_person"],
            "capacity": "has", "capacity_assessed_on_0": "1", "capacity_assessed_on_1": "9",
            "capacity_assessed_on_2": "2026", "capacity_assessed_by": "Tom Okafor, social worker",
            "team": team.pk, "practitioner": practitioner.pk, "account_email": person.email,
        },
    )
    created = Person.objects.get(full_name="Alan Marsh")
    assert response.headers["Location"] == reverse("careplans:person_detail", kwargs={"person_id": created.pk})
    assert created.user == person and created.communication_needs == ["large_print", "support_person"]
    assert created.date_of_birth.isoformat() == "1952-04-03"
    assert AuditEvent.objects.filter(actor=practitioner, action="create", target_id=str(created.pk)).exists()


def test_adding_a_person_with_mistakes_explains_each_and_saves_nothing(client_as, practitioner, team):
    assert_bad_input(
        client_as(practitioner),
        reverse("careplans:person_add"),
        {
            "full_name": "Half Finished",
            "date_of_birth_0": "31", "date_of_birth_1": "2", "date_of_birth_2": "2090",
            "capacity": "lacks", "team": team.pk, "account_email": "nobody@example.org",
        },
        errors=[
            "Enter the date capacity was assessed",
            "Enter who assessed capacity",
        ],
        kept=["full_name"],
        unchanged=lambda: Person.objects.count(),
    )


def test_a_carer_sees_the_person_until_consent_is_withdrawn(client_as, practitioner, team, carer):
    subject = PersonFactory(team=team, full_name="Alan Marsh")
    representative = RepresentativeFactory(person=subject, user=carer, recorded_by=practitioner)
    url = reverse("careplans:person_detail", kwargs={"person_id": subject.pk})
    carer_client = client_as(carer)
    assert carer_client.get(url).status_code == 200
    withdraw = reverse("careplans:representative_withdraw", kwargs={"person_id": subject.pk, "representative_id": representative.pk})
    client_as(practitioner).post(withdraw)
    assert carer_client.get(url).status_code == 404  # at once: no cache, no delay
    representative.refresh_from_db()
    assert representative.withdrawn_by == practitioner
    assert AuditEvent.objects.filter(detail="representative access withdrawn").count() == 1


def test_consent_cannot_be_the_basis_when_the_person_lacks_capacity(client_as, practitioner, team):
    subject = PersonFactory(team=team, capacity=Person.Capacity.LACKS)
    assert_bad_input(
        client_as(practitioner),
        reverse("careplans:representative_add", kwargs={"person_id": subject.pk}),
        {"name": "Jean Clarke", "relationship": "family", "basis": "consent"},
        errors=["This person lacks capacity to consent: choose best interests or legal authority"],
        kept=["name"],
        unchanged=lambda: Representative.objects.count(),
    )


def test_best_interests_is_recorded_for_someone_lacking_capacity(client_as, practitioner, team):
    subject = PersonFactory(team=team, capacity=Person.Capacity.LACKS)
    carer = UserFactory(roles=["carer"])
    client_as(practitioner).post(
        reverse("careplans:representative_add", kwargs={"person_id": subject.pk}),
        {"name": "Jean Clarke", "relationship": "family", "basis": "best_interests",
         "basis_notes": "Daughter, consulted at home on 2 September", "account_email": carer.email},
    )
    representative = Representative.objects.get(person=subject)
    assert representative.user == carer and representative.basis == "best_interests"


def test_a_person_sees_their_own_record_in_the_first_person(client_as, person, team):
    own = PersonFactory(user=person, team=team)
    response = client_as(person).get(reverse("careplans:person_detail", kwargs={"person_id": own.pk}))
    assert BeautifulSoup(response.content, "html.parser").h1.get_text(strip=True) == "About you"
    assert "Change details" not in response.text
    other = PersonFactory(team=team)
    assert client_as(person).get(reverse("careplans:person_detail", kwargs={"person_id": other.pk})).status_code == 404


def test_the_person_page_runs_fixed_queries(client_as, practitioner, team):
    subject = PersonFactory(team=team)
    client = client_as(practitioner)
    url = reverse("careplans:person_detail", kwargs={"person_id": subject.pk})
    # OTP device, team ids, representing ids, person, audit insert, representatives, finished reviews.
    assert_fixed_queries(
        lambda: client.get(url), budget=7,
        grow=lambda: RepresentativeFactory.create_batch(10, person=subject, recorded_by=practitioner),
    )


def test_the_home_postcode_is_recorded_by_the_practitioner_or_the_person_and_kept_in_one_shape(client_as, practitioner, team, person, carer):
    subject = PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh", preferred_name="Al")
    RepresentativeFactory(person=subject, user=carer, basis="consent")
    url = reverse("careplans:person_postcode", kwargs={"person_id": subject.pk})
    # The person, in their own words on their own page.
    page = BeautifulSoup(client_as(person).get(url).content, "html.parser")
    assert page.h1.get_text(strip=True) == "Your home postcode"
    assert "near where you live" in page.get_text()
    response = client_as(person).post(url, {"postcode": "la9 4dl"})
    assert response.headers["Location"].endswith("/plan/#section-outcomes")
    subject.refresh_from_db()
    assert subject.postcode == "LA9 4DL"
    assert AuditEvent.objects.filter(actor=person, action="change", target_id=str(subject.pk), detail="postcode").exists()
    detail = BeautifulSoup(client_as(person).get(reverse("careplans:person_detail", kwargs={"person_id": subject.pk})).content, "html.parser")
    assert "Home postcode LA9 4DL Change your postcode" in detail.get_text(" ", strip=True)
    # Their carer, writing the plan with them, speaks of them by name.
    assert BeautifulSoup(client_as(carer).get(url).content, "html.parser").h1.get_text(strip=True) == "Al’s home postcode"
    # The practitioner records it with the rest of the record; it is in the person's own data.
    edit = reverse("careplans:person_edit", kwargs={"person_id": subject.pk})
    form = BeautifulSoup(client_as(practitioner).get(edit).content, "html.parser")
    assert form.find("input", attrs={"name": "postcode"})["value"] == "LA9 4DL"
    client_as(person).post(url, {"postcode": ""})
    subject.refresh_from_db()
    assert subject.postcode == ""


def test_a_wrong_postcode_is_explained_and_nothing_changes(client_as, practitioner, team, person):
    subject = PersonFactory(team=team, practitioner=practitioner, user=person, postcode="LA9 4DL")
    kept = lambda: Person.objects.values_list("postcode", flat=True).get(pk=subject.pk)  # noqa: E731
    url = reverse("careplans:person_postcode", kwargs={"person_id": subject.pk})
    for typed in ("LA9", "not a postcode at all"):
        assert_bad_input(client_as(person), url, {"postcode": typed}, errors=["Enter a full UK postcode, like LA9 4DL"], kept=["postcode"], unchanged=kept)
    edit = reverse("careplans:person_edit", kwargs={"person_id": subject.pk})
    data = {"full_name": subject.full_name, "capacity": "not_assessed", "team": team.pk, "postcode": "ZZ"}
    assert_bad_input(client_as(practitioner), edit, data, errors=["Enter a full UK postcode, like LA9 4DL"], kept=["postcode"], unchanged=kept)
