from bs4 import BeautifulSoup
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduction.accounts.models import Organisation, ProviderGroupMapping, Team, TeamMembership, User
from coproduction.audit.models import AuditEvent
from tests.coproduction.accounts.factories import TeamFactory, UserFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def test_an_administrator_adds_an_account_and_the_person_is_emailed_a_link(client_as, administrator, council, team, mailoutbox, django_capture_on_commit_callbacks):
    client = client_as(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:user_add"),
            {
                "full_name": "New Worker",
                "email": "New.Worker@example.org",
                "organisation": council.pk,
                "roles": ["practitioner", "team_manager"],
                "teams": [team.pk],
                "managed_teams": [team.pk],
            },
        )
    assert response.headers["Location"] == reverse("accounts:user_list")
    created = User.objects.get(email="new.worker@example.org")
    assert created.roles == ["practitioner", "team_manager"]
    assert not created.has_usable_password()
    assert TeamMembership.objects.get(user=created, team=team).is_manager
    assert AuditEvent.objects.filter(actor=administrator, subject=created, action="create").exists()
    assert mailoutbox[0].to == ["new.worker@example.org"]
    assert "/accounts/password/reset/" in mailoutbox[0].body


def test_adding_an_account_with_mistakes_keeps_the_answers_and_saves_nothing(client_as, administrator, team, person):
    assert_bad_input(
        client_as(administrator),
        reverse("accounts:user_add"),
        {"full_name": "Half Done", "email": person.email.upper(), "managed_teams": [team.pk]},
        errors=["There is already an account with this email address", "Select at least one role"],
        kept=["full_name"],
        unchanged=lambda: (User.objects.count(), TeamMembership.objects.count()),
    )


def test_a_manager_must_be_in_the_team_they_manage(client_as, administrator, team):
    assert_bad_input(
        client_as(administrator),
        reverse("accounts:user_add"),
        {"full_name": "Manager", "email": "m@example.org", "roles": ["team_manager"], "managed_teams": [team.pk]},
        errors=["A manager must also be in the teams they manage: tick them under Teams too"],
        kept=["full_name", "email"],
        unchanged=lambda: User.objects.count(),
    )


def test_switching_an_account_off_stops_sign_in_and_is_audited(client_as, administrator, person):
    client = client_as(administrator)
    url = reverse("accounts:user_edit", kwargs={"user_id": person.pk})
    page = BeautifulSoup(client.get(url).content, "html.parser")
    assert page.find("input", attrs={"name": "full_name"})["value"] == person.full_name
    assert AuditEvent.objects.filter(actor=administrator, subject=person, action="view").exists()
    client.post(url, {"full_name": person.full_name, "email": person.email, "roles": ["person"]})  # is_active unticked
    person.refresh_from_db()
    assert not person.is_active
    assert AuditEvent.objects.filter(actor=administrator, subject=person, action="change").exists()


def test_resetting_two_factor_removes_the_authenticator(client_as, administrator, practitioner):
    TOTPDevice.objects.create(user=practitioner, name="Lost phone", confirmed=True)
    client = client_as(administrator)
    client.post(reverse("accounts:user_reset_two_factor", kwargs={"user_id": practitioner.pk}))
    assert not TOTPDevice.objects.filter(user=practitioner).exists()


def test_only_administrators_can_reset_two_factor(client_as, team_manager, practitioner):
    TOTPDevice.objects.create(user=practitioner, name="Phone", confirmed=True)
    response = client_as(team_manager).post(reverse("accounts:user_reset_two_factor", kwargs={"user_id": practitioner.pk}))
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=practitioner, name="Phone").exists()


def test_account_list_searches_and_runs_fixed_queries(client_as, administrator):
    UserFactory(full_name="Zebedee Quill", roles=["carer"])
    client = client_as(administrator)
    url = reverse("accounts:user_list")
    response = client.post(url, {"q": "zebedee"}, follow=True)
    names = [a.get_text(strip=True) for a in BeautifulSoup(response.content, "html.parser").select("#user-table tbody a")]
    assert names == ["Zebedee Quill"]
    carers = client.post(url, {"q": "", "role": "carer"}, follow=True)
    assert "Zebedee Quill" in carers.text and administrator.full_name not in BeautifulSoup(carers.content, "html.parser").select_one("#user-table tbody").text
    # OTP device, count, page (organisation joined).
    client.get(url, {"clear": 1})
    assert_fixed_queries(lambda: client.get(url), budget=3, grow=lambda: UserFactory.create_batch(30))


def test_adding_a_team_and_an_organisation(client_as, administrator, council):
    client = client_as(administrator)
    client.post(reverse("accounts:team_list"), {"team-name": "Reablement", "team-organisation": council.pk, "add_team": "Add team"})
    assert Team.objects.filter(name="Reablement", organisation=council).exists()
    client.post(reverse("accounts:team_list"), {"org-name": "Carers Centre", "org-kind": "community", "add_organisation": "Add organisation"})
    assert Organisation.objects.get(name="Carers Centre").kind == "community"


def test_a_duplicate_team_name_is_explained(client_as, administrator, team):
    assert_bad_input(
        client_as(administrator),
        reverse("accounts:team_list"),
        {"team-name": team.name, "team-organisation": team.organisation_id, "add_team": "Add team"},
        errors=["This organisation already has a team with this name"],
        kept=["team-name"],
        unchanged=lambda: Team.objects.count(),
    )


def test_team_list_runs_fixed_queries(client_as, administrator, council):
    client = client_as(administrator)
    # OTP device, organisations, teams with counts, organisations for each select.
    assert_fixed_queries(
        lambda: client.get(reverse("accounts:team_list")), budget=4, grow=lambda: TeamFactory.create_batch(10, organisation=council)
    )


def test_an_administrator_cannot_lock_themselves_out(client_as, administrator):
    assert_bad_input(
        client_as(administrator),
        reverse("accounts:user_edit", kwargs={"user_id": administrator.pk}),
        {"full_name": administrator.full_name, "email": administrator.email, "roles": ["practitioner"]},
        errors=[
            "You cannot remove your own administrator role: ask another administrator",
            "You cannot switch off your own account: ask another administrator",
        ],
        kept=["full_name", "email"],
        unchanged=lambda: User.objects.values_list("roles", "is_active").get(pk=administrator.pk),
    )


def test_an_administrator_maps_a_council_group_to_a_role_and_team_and_removes_it(client_as, administrator, team):
    client = client_as(administrator)
    url = reverse("accounts:group_mapping_list")
    response = client.post(url, {"group_id": " 5f6c1d2e-managers ", "group_name": "North managers", "role": "team_manager", "team": team.pk})
    assert response.headers["Location"] == url
    mapping = ProviderGroupMapping.objects.get()
    assert (mapping.group_id, mapping.role, mapping.team) == ("5f6c1d2e-managers", "team_manager", team)
    page = client.get(url).content.decode()
    assert "North managers" in page and "5f6c1d2e-managers" in page and "Team manager" in page
    assert AuditEvent.objects.filter(actor=administrator, action="create", target_id=str(mapping.pk)).exists()
    assert client.post(reverse("accounts:group_mapping_remove", kwargs={"mapping_id": mapping.pk})).headers["Location"] == url
    assert not ProviderGroupMapping.objects.exists()
    assert AuditEvent.objects.filter(actor=administrator, action="delete", target_id=str(mapping.pk)).exists()
    assert "No groups yet" in client.get(url).content.decode()


def test_a_group_mapping_with_mistakes_keeps_the_answers_and_saves_nothing(client_as, administrator, team):
    client = client_as(administrator)
    assert_bad_input(
        client,
        reverse("accounts:group_mapping_list"),
        {"group_id": "", "group_name": "North managers", "role": "team_manager"},
        errors=["Enter the group id", "Select the team members of this group manage"],
        kept=["group_name"],
        unchanged=lambda: ProviderGroupMapping.objects.count(),
    )
    ProviderGroupMapping.objects.create(group_id="g-1", role="practitioner", team=team)
    assert_bad_input(
        client,
        reverse("accounts:group_mapping_list"),
        {"group_id": "g-1", "role": "practitioner", "team": team.pk},
        errors=["This group already gives this role in this team"],
        kept=["group_id"],
        unchanged=lambda: ProviderGroupMapping.objects.count(),
    )
    # Only council staff roles can come from a group: a person's role is not offered.
    assert_bad_input(
        client,
        reverse("accounts:group_mapping_list"),
        {"group_id": "g-2", "role": "person"},
        errors=["Select the role the group gives"],
        kept=["group_id"],
        unchanged=lambda: ProviderGroupMapping.objects.count(),
    )


def test_a_practitioner_cannot_change_the_group_mappings(client_as, practitioner, team):
    mapping = ProviderGroupMapping.objects.create(group_id="g-1", role="practitioner", team=team)
    client = client_as(practitioner)
    assert client.post(reverse("accounts:group_mapping_list"), {"group_id": "g-2", "role": "administrator"}).status_code == 403
    assert client.post(reverse("accounts:group_mapping_remove", kwargs={"mapping_id": mapping.pk})).status_code == 403
    assert list(ProviderGroupMapping.objects.values_list("group_id", flat=True)) == ["g-1"]


def test_the_group_mapping_page_runs_a_fixed_number_of_queries(client_as, administrator, team):
    from tests.coproduction.accounts.factories import ProviderGroupMappingFactory

    client = client_as(administrator)
    ProviderGroupMappingFactory.create_batch(3)
    assert_fixed_queries(
        lambda: client.get(reverse("accounts:group_mapping_list")), budget=3, grow=lambda: ProviderGroupMappingFactory.create_batch(30)
    )
