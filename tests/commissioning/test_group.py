"""The co-production group: who is in it, adding people, changing roles, and leaving."""

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.models import GroupMember, MemberRole
from coproduction.accounts.models import Role
from coproduction.audit.models import AuditEvent
from tests.commissioning.factories import GroupMemberFactory
from tests.coproduction.accounts.factories import UserFactory


def url(name: str, programme, **kwargs) -> str:
    return reverse(f"commissioning:{name}", kwargs={"programme_id": programme.pk, **kwargs})


def rows(response, caption: str) -> list[list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    table = next(table for table in page.select("table") if table.caption.get_text(strip=True).startswith(caption))
    return [[cell.get_text(" ", strip=True) for cell in row.select("th, td")][:3] for row in table.select("tbody tr")]


def test_members_see_the_group_with_roles_and_past_members_apart(client_as, users, programme):
    GroupMemberFactory(programme=programme, user=UserFactory(full_name="Zoe Former"), member_role=MemberRole.PROVIDER,
                       joined_on="2026-01-05", left_on="2026-06-30")
    response = client_as(users[Role.CARER]).get(url("group", programme))
    current = rows(response, "In the group now")
    assert sorted(row[:2] for row in current) == sorted([
        [users[Role.PERSON].full_name, "Person with lived experience"], [users[Role.CARER].full_name, "Carer"],
    ])
    assert rows(response, "Past members") == [["Zoe Former", "Provider", "5 January 2026"]]
    assert "Record that they left" not in response.text  # members cannot change the group


def test_looking_at_the_group_is_recorded_against_each_member(client_as, users, programme):
    client_as(users[Role.COMMISSIONER]).get(url("group", programme))
    events = AuditEvent.objects.filter(actor=users[Role.COMMISSIONER], action=AuditEvent.Action.VIEW)
    assert sorted(event.subject_id for event in events) == sorted([users[Role.PERSON].pk, users[Role.CARER].pk])


def test_a_commissioner_adds_someone_by_the_email_of_their_account(client_as, users, programme):
    provider = users[Role.PROVIDER]
    client_as(users[Role.COMMISSIONER]).post(url("member_add", programme), {"email": provider.email.upper(), "member_role": "provider"})
    member = GroupMember.objects.get(programme=programme, user=provider)
    assert member.member_role == MemberRole.PROVIDER and member.added_by == users[Role.COMMISSIONER]
    assert client_as(provider).get(url("group", programme)).status_code == 200


def test_adding_an_email_with_no_account_says_so(client_as, users, programme):
    assert_bad_input_member(
        client_as(users[Role.COMMISSIONER]), programme, {"email": "nobody@example.org", "member_role": "carer"},
        "There is no account with that email address. Check it, or ask your administrator to make an account first",
    )


def test_adding_someone_already_in_the_group_says_so(client_as, users, programme):
    person = users[Role.PERSON]
    assert_bad_input_member(
        client_as(users[Role.COMMISSIONER]), programme, {"email": person.email, "member_role": "carer"},
        f"{person.full_name} is already in the group.",
    )
    assert programme.members.get(user=person).member_role == MemberRole.LIVED_EXPERIENCE


def assert_bad_input_member(client, programme, data, message):
    from tests.harness.bad_input import assert_bad_input

    assert_bad_input(
        client, url("member_add", programme), data, errors=[message], kept=["email"],
        unchanged=lambda: list(GroupMember.objects.order_by("pk").values_list("user_id", "member_role", "left_on")),
    )


def test_someone_who_left_can_join_again(client_as, users, programme, person_member):
    person_member.left_on = "2026-01-01"
    person_member.save()
    client_as(users[Role.COMMISSIONER]).post(url("member_add", programme), {"email": users[Role.PERSON].email, "member_role": "carer"})
    person_member.refresh_from_db()
    assert person_member.is_current and person_member.member_role == MemberRole.CARER


def test_a_commissioner_changes_a_members_role(client_as, users, programme, person_member):
    client_as(users[Role.COMMISSIONER]).post(url("member_role", programme, member_id=person_member.pk), {"member_role": "community_organisation"})
    person_member.refresh_from_db()
    assert person_member.member_role == MemberRole.COMMUNITY_ORGANISATION


def test_leaving_the_group_takes_away_members_only_pages_at_the_next_request(client_as, users, programme, person_member):
    person = client_as(users[Role.PERSON])
    assert person.get(url("group", programme)).status_code == 200
    today = person_member.joined_on
    client_as(users[Role.COMMISSIONER]).post(
        url("member_leave", programme, member_id=person_member.pk), {"left_on_0": today.day, "left_on_1": today.month, "left_on_2": today.year}
    )
    for page in ("group", "decision_list", "programme_detail"):
        assert person.get(url(page, programme)).status_code == 404
    assert "Day opportunities 2027" not in person.get(reverse("commissioning:programme_list")).text
    response = client_as(users[Role.COMMISSIONER]).get(url("group", programme))
    assert rows(response, "Past members") == [[users[Role.PERSON].full_name, "Person with lived experience", person_member.joined_on.strftime("%-d %B %Y")]]


def test_leaving_cannot_be_dated_before_joining(client_as, users, programme, person_member):
    from tests.harness.bad_input import assert_bad_input

    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("member_leave", programme, member_id=person_member.pk),
        {"left_on_0": "1", "left_on_1": "1", "left_on_2": "2020"},
        errors=["The date they left must be the same as or after the date they joined"],
        unchanged=lambda: GroupMember.objects.filter(left_on__isnull=False).count(),
    )


def test_leaving_cannot_be_dated_in_the_future(client_as, users, programme, person_member):
    from tests.harness.bad_input import assert_bad_input

    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("member_leave", programme, member_id=person_member.pk),
        {"left_on_0": "1", "left_on_1": "1", "left_on_2": "2099"},
        errors=["The date they left must be today or in the past"], unchanged=lambda: GroupMember.objects.filter(left_on__isnull=False).count(),
    )


def test_members_cannot_add_people_to_the_group(client_as, users, programme):
    response = client_as(users[Role.PERSON]).post(url("member_add", programme), {"email": users[Role.PROVIDER].email, "member_role": "provider"})
    assert response.status_code == 403
    assert not programme.members.filter(user=users[Role.PROVIDER]).exists()


def test_a_member_of_one_programme_cannot_see_anothers_group(client_as, users, programme):
    other = GroupMemberFactory().programme
    assert client_as(users[Role.PERSON]).get(url("group", other)).status_code == 404
