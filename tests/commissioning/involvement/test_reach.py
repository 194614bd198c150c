"""Who took part: counts per year, first-timers, ways of reaching people, and the equality
profile as it was at the time, with small numbers hidden."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from commissioning.involvement import selectors, services
from commissioning.involvement.figures import HIDDEN, suppress
from commissioning.involvement.models import LocalPopulationFigure, Participation
from commissioning.participants import activity_participants_add, activity_participants_set
from commissioning.models import ActivityKind
from tests.careplans.factories import PersonFactory
from tests.commissioning.factories import ActivityFactory, GroupMemberFactory
from tests.commissioning.involvement.factories import (
    InvolvementProfileFactory,
    LocalPopulationFigureFactory,
)
from tests.harness.auth import login_as
from tests.harness.bad_input import assert_bad_input

TODAY = timezone.localdate()
YEAR_START = selectors.financial_year_start(TODAY)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def table_cells(response, field: str) -> dict[str, list[str]]:
    table = soup(response).find(id=f"reach-{field}")
    assert table is not None, f"no table for {field}"
    return {row.th.get_text(" ", strip=True): [cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in table.tbody.find_all("tr")}


def take_part(programme, members, *, kind=ActivityKind.WORKSHOP, on=None):
    activity = ActivityFactory(programme=programme, kind=kind, happened_on=on or TODAY)
    activity_participants_add(activity=activity, members=members)
    return activity


def members_with(programme, count: int, **answers):
    made = []
    for _ in range(count):
        member = GroupMemberFactory(programme=programme)
        InvolvementProfileFactory(user=member.user, **answers)
        made.append(member)
    return made


# ---- Suppression ----------------------------------------------------------------------------


def test_small_counts_are_hidden_with_at_least_one_other():
    assert suppress([10, 3, 12]) == [None, None, 12]  # 3 hidden, so the next smallest goes too
    assert suppress([10, 20, 0]) == [10, 20, 0]  # nothing small: all shown, zero included
    assert suppress([2, 1, 30, 40]) == [None, None, None, 40]  # 2 + 1 = 3 could be worked out: hide more
    assert suppress([4, 4, 50]) == [None, None, 50]


@pytest.mark.parametrize("counts", [[1, 9, 7], [3, 0, 12, 6], [1, 1, 1, 20], [4, 5], [2, 2, 2, 2, 30]])
def test_hidden_counts_cannot_be_worked_out_from_the_total(counts):
    shown = suppress(counts)
    hidden = [count for count, value in zip(counts, shown) if value is None]
    assert all(value is None for count, value in zip(counts, shown) if 0 < count < 5)
    if hidden:
        assert len(hidden) >= 2 and sum(hidden) >= 5


def test_the_reach_page_hides_small_groups_and_one_more(client, commissioner, programme):
    take_part(programme, members_with(programme, 8, ethnicity="white") + members_with(programme, 2, ethnicity="asian")
              + members_with(programme, 6, ethnicity="black"))
    login_as(client, commissioner)
    response = client.get(reverse("involvement:programme_reach", kwargs={"programme_id": programme.pk}))
    cells = table_cells(response, "ethnicity")
    assert cells["Asian, Asian British or Asian Welsh"][0] == HIDDEN
    # Complementary: 16 took part, so showing 8 and 6 would give away the 2.
    assert cells["Black, Black British, Black Welsh, Caribbean or African"][0] == HIDDEN
    assert cells["White"][:2] == ["8", "50%"]
    assert soup(response).find(attrs={"data-figure": "people"}).get_text(strip=True) == "16"


def test_fewer_than_five_people_shows_no_equality_figures(client, commissioner, programme):
    take_part(programme, members_with(programme, 3, ethnicity="white"))
    login_as(client, commissioner)
    response = client.get(reverse("involvement:programme_reach", kwargs={"programme_id": programme.pk}))
    page = soup(response)
    assert page.find(id="reach-ethnicity") is None
    assert page.find(attrs={"data-figure": "suppressed"}) is not None


# ---- Snapshots at the time ------------------------------------------------------------------


def test_later_profile_changes_do_not_rewrite_who_took_part(programme):
    member = GroupMemberFactory(programme=programme)
    profile = InvolvementProfileFactory(user=member.user, age_band="18_24", ethnicity="mixed")
    take_part(programme, [member], on=TODAY)
    profile.age_band, profile.ethnicity = "25_34", "prefer_not_to_say"
    profile.save()
    snapshot = Participation.objects.get(user=member.user)
    assert (snapshot.age_band, snapshot.ethnicity) == ("18_24", "mixed")
    # The next activity records the new answers; the first stays as it was.
    take_part(programme, [member], on=TODAY)
    assert sorted(Participation.objects.filter(user=member.user).values_list("age_band", flat=True)) == ["18_24", "25_34"]


def test_taking_someone_off_an_activity_removes_their_snapshot(programme):
    member, other = GroupMemberFactory(programme=programme), GroupMemberFactory(programme=programme)
    activity = take_part(programme, [member, other])
    activity_participants_set(activity=activity, members=[other])
    assert list(Participation.objects.values_list("user_id", flat=True)) == [other.user_id]
    activity_participants_set(activity=activity, members=[member])
    assert list(Participation.objects.values_list("user_id", flat=True)) == [member.user_id]
    activity_participants_set(activity=activity, members=[])
    assert not Participation.objects.exists()


# ---- Counts ---------------------------------------------------------------------------------


def test_people_first_timers_and_ways_of_reaching_people(programme, commissioner):
    regular, newcomer, visited = (GroupMemberFactory(programme=programme) for _ in range(3))
    take_part(programme, [regular], on=YEAR_START - datetime.timedelta(days=30))  # last year
    take_part(programme, [regular, newcomer], kind=ActivityKind.MEETING)
    take_part(programme, [regular], kind=ActivityKind.MEETING)
    take_part(programme, [visited], kind=ActivityKind.COMMUNITY_CONVERSATION)
    take_part(programme, [newcomer], kind=ActivityKind.WORKING_TOGETHER_FOR_CHANGE)
    end = datetime.date(YEAR_START.year + 1, 4, 1)
    summary = selectors.reach_summary(programme=programme, start=YEAR_START, end=end)
    assert (summary["people"], summary["first_time"], summary["people_ever"], summary["activities"]) == (3, 2, 3, 4)
    modes = {row["mode"]: (row["people"], row["activities"]) for row in selectors.reach_by_mode(programme=programme, start=YEAR_START, end=end)}
    assert modes == {
        "Meetings, events and panels": (2, 2),
        "Online or by phone": (0, 0),
        "Going to where people are": (1, 1),
        "Using reviews and what people already told us": (1, 1),
    }
    # Across the council, someone new to this programme but not to the council is not a first-timer.
    other = GroupMemberFactory(user=regular.user)
    take_part(other.programme, [other])
    council = selectors.reach_summary(start=YEAR_START, end=end)
    assert (council["people"], council["first_time"]) == (3, 2)


def test_compared_with_people_who_draw_on_care_and_the_local_population(client, commissioner, programme, team):
    take_part(programme, members_with(programme, 10, age_band="65_74", ethnicity="white")
              + members_with(programme, 10, age_band="25_34", ethnicity="white"))
    on = datetime.date(YEAR_START.year + 1, 3, 31)
    for _ in range(7):
        PersonFactory(team=team, date_of_birth=on.replace(year=on.year - 70))
    for _ in range(2):
        PersonFactory(team=team, date_of_birth=on.replace(year=on.year - 40))
    for _ in range(6):
        PersonFactory(team=team, date_of_birth=on.replace(year=on.year - 90))
    LocalPopulationFigureFactory(question="ethnicity", answer="white", people=800)
    LocalPopulationFigureFactory(question="ethnicity", answer="asian", people=200)
    login_as(client, commissioner)
    response = client.get(reverse("involvement:council_reach"))
    ages = table_cells(response, "age_band")
    assert ages["65 to 74"] == ["10", "50%", "47%"]
    # Two people who draw on care are 35 to 49: hidden, with the next smallest group.
    assert (ages["35 to 49"][2], ages["85 or over"][2]) == (HIDDEN, HIDDEN)
    ethnicity = table_cells(response, "ethnicity")
    assert ethnicity["White"] == ["20", "100%", "80%"]
    assert "Fewer than in the area" in next(key for key in ethnicity if key.startswith("Asian"))


def test_a_bad_year_shows_the_current_year(client, commissioner, programme):
    login_as(client, commissioner)
    for year in ("1990", "abc", ""):
        response = client.get(reverse("involvement:programme_reach", kwargs={"programme_id": programme.pk}), {"year": year})
        assert response.status_code == 200
        assert response.context["year"] == YEAR_START.year


# ---- Local population figures ---------------------------------------------------------------


def test_a_commissioner_enters_local_population_figures(client, commissioner):
    login_as(client, commissioner)
    url = reverse("involvement:population_edit", kwargs={"question": "sex"})
    response = client.post(url, {"female": "51200", "male": "48800", "source": "Census 2021, TS008"})
    assert response.status_code == 302
    assert dict(LocalPopulationFigure.objects.values_list("answer", "people")) == {"female": 51200, "male": 48800}
    page = soup(client.get(reverse("involvement:population"))).get_text(" ", strip=True)
    assert "51200" in page and "Census 2021, TS008" in page
    assert_bad_input(
        client, url, {"female": "-3", "male": "lots", "source": "Census"},
        errors=["The number of residents for “Female” must be 0 or more",
                "Enter the number of residents for “Male” as a whole number, like 1200"],
        kept=["source"], unchanged=lambda: list(LocalPopulationFigure.objects.values_list("answer", "people")),
    )


def test_participants_recorded_before_snapshots_are_filled_in_once(programme):
    member = GroupMemberFactory(programme=programme)
    InvolvementProfileFactory(user=member.user, sex="female")
    activity = take_part(programme, [member])
    Participation.objects.all().delete()  # as before snapshots were taken
    assert services.participation_backfill() == 1
    assert services.participation_backfill() == 0
    snapshot = Participation.objects.get()
    assert (snapshot.activity, snapshot.sex, snapshot.mode) == (activity, "female", "meeting")


def test_the_services_that_record_who_took_part_snapshot_their_answers(programme, commissioner):
    from commissioning import services as programme_services
    from commissioning.workshops import services as workshop_services
    from tests.commissioning.workshops.factories import InvitationFactory, WorkshopFactory, days_from_today

    member, other = members_with(programme, 2, ethnicity="mixed")
    activity = programme_services.activity_record(programme=programme, by=commissioner, data={
        "kind": ActivityKind.MEETING, "title": "Group meeting", "happened_on": TODAY, "stage": programme.current_stage,
        "participants": [member, other],
    })
    assert sorted(Participation.objects.filter(activity=activity).values_list("user_id", "ethnicity")) == sorted(
        [(member.user_id, "mixed"), (other.user_id, "mixed")])
    programme_services.activity_update(activity=activity, data={"participants": [other]}, by=commissioner)
    assert list(Participation.objects.filter(activity=activity).values_list("user_id", flat=True)) == [other.user_id]

    workshop = WorkshopFactory(programme=programme, date=days_from_today(-1))
    came = InvitationFactory(workshop=workshop, member=member)
    InvitationFactory(workshop=workshop, member=other)
    workshop_services.attendance_record(workshop=workshop, attended=[came], others=0, by=commissioner)
    assert list(Participation.objects.filter(activity=workshop.activity).values_list("user_id", flat=True)) == [member.user_id]
