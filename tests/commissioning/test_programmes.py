"""Programmes: the list, starting one, the overview and its public summary, changing details,
moving through the stages, key dates, and configuring the stages."""

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from commissioning.participants import activity_participants_add
from commissioning.models import DEFAULT_STAGES, Decision, KeyDate, Programme, Stage
from coproduction.accounts.models import Role
from coproduction.notifications.models import Message
from coproduction.notifications.topics import Topic
from tests.commissioning.factories import (
    ActivityFactory,
    DecisionFactory,
    GroupMemberFactory,
    KeyDateFactory,
    ProgrammeFactory,
    stage_of,
)
from tests.harness.bad_input import assert_bad_input


def url(name: str, programme: Programme, **kwargs) -> str:
    return reverse(f"commissioning:{name}", kwargs={"programme_id": programme.pk, **kwargs})


def page_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_the_list_shows_each_programmes_phase_stage_lead_and_who_can_read_it(client_as, users, programme):
    ProgrammeFactory(title="Community transport", visibility=Programme.Visibility.PUBLIC, lead=users[Role.COMMISSIONER])
    ProgrammeFactory(title="Hidden from the person")
    rows = page_of(client_as(users[Role.PERSON]).get(reverse("commissioning:programme_list"))).select("tbody tr")
    cells = [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in rows]
    lead = users[Role.COMMISSIONER].full_name
    assert cells == [
        ["Community transport", "Plan", DEFAULT_STAGES[0][1], lead, "Anyone"],
        ["Day opportunities 2027", "Plan", DEFAULT_STAGES[0][1], lead, "Group members only"],
    ]


def test_a_commissioner_starts_a_programme_with_the_default_stages(client_as, users):
    client = client_as(users[Role.COMMISSIONER])
    response = client.post(reverse("commissioning:programme_add"), {
        "title": "Short breaks for carers", "summary": "Carers told us they cannot plan a break.",
        "visibility": "public", "lead": users[Role.COMMISSIONER].pk,
    }, follow=True)
    programme = Programme.objects.get(title="Short breaks for carers")
    assert programme.is_public and programme.lead == users[Role.COMMISSIONER]
    assert [stage.name for stage in programme.stages.order_by("position")] == [name for _, name, _ in DEFAULT_STAGES]
    assert "Current stage" in response.text and "Programme started" in response.text


def test_starting_a_programme_without_a_title_shows_an_error_and_keeps_the_summary(client_as, users):
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), reverse("commissioning:programme_add"),
        {"title": "", "summary": "What it is for", "visibility": "members", "lead": users[Role.COMMISSIONER].pk},
        errors=["Enter a title"], kept=["summary"], unchanged=lambda: Programme.objects.count(),
    )


def test_only_commissioners_can_start_a_programme(client_as, users):
    response = client_as(users[Role.PERSON]).post(reverse("commissioning:programme_add"), {"title": "Mine", "summary": "x", "visibility": "public"})
    assert response.status_code == 403
    assert not Programme.objects.exists()


def test_the_overview_marks_the_current_stage_in_words_and_counts_coproduction(client_as, users, programme, person_member):
    second = stage_of(programme, 2)
    activity = ActivityFactory(programme=programme, stage=second, others_taking_part=10)
    activity_participants_add(activity=activity, members=[person_member, programme.members.get(user=users[Role.CARER])])
    activity_participants_add(activity=ActivityFactory(programme=programme, stage=second, others_taking_part=2), members=[person_member])
    programme.current_stage = second
    programme.save()
    page = page_of(client_as(users[Role.PERSON]).get(url("programme_detail", programme)))
    current = page.select_one('[aria-current="step"]')
    assert second.name in current.get_text() and "Current stage" in current.get_text()
    assert "2 co-production activities, 14 people took part" in " ".join(current.get_text().split())
    phases = [heading.get_text(strip=True) for heading in page.select(".app-tracker__phase-name")]
    assert phases == ["Plan", "Do", "Review"]
    assert "Person with lived experience: 1" in page.get_text() and "Carer: 1" in page.get_text()


def test_a_public_programme_shows_its_summary_to_anyone_with_no_names_or_roles(client, users, programme):
    programme.visibility = Programme.Visibility.PUBLIC
    programme.save()
    KeyDateFactory(programme=programme, label="Vote opens", date="2027-03-01")
    DecisionFactory(programme=programme, title="Open at weekends")
    response = client.get(url("programme_detail", programme))  # signed out
    text = response.text
    assert response.status_code == 200
    assert "Vote opens" in text and "Open at weekends" in text and "Current stage" in text
    for hidden in (users[Role.PERSON].full_name, users[Role.CARER].full_name, users[Role.COMMISSIONER].full_name,
                   "lived experience", "See who is in the group", "The co-production group, by consensus"):
        assert hidden not in text


def test_a_signed_in_non_member_also_sees_only_the_public_summary(client_as, users, programme):
    programme.visibility = Programme.Visibility.PUBLIC
    programme.save()
    text = client_as(users[Role.PROVIDER]).get(url("programme_detail", programme)).text
    assert users[Role.PERSON].full_name not in text and "Lived experience" not in text
    assert url("group", programme) not in text and url("stage_detail", programme, stage_id=programme.current_stage_id) not in text


def test_a_members_only_programme_is_hidden_from_people_outside_it(client, client_as, users, programme):
    assert client_as(users[Role.PROVIDER]).get(url("programme_detail", programme)).status_code == 404
    assert client.get(url("programme_detail", programme)).status_code == 302


def test_a_commissioner_changes_the_details_but_the_stage_only_moves_with_a_reason(client_as, users, programme):
    first = programme.current_stage
    client_as(users[Role.COMMISSIONER]).post(url("programme_edit", programme), {
        "title": "Day opportunities 2028", "summary": "New summary", "visibility": "public",
        "lead": users[Role.COMMISSIONER].pk, "current_stage": stage_of(programme, 4).pk,
    })
    programme.refresh_from_db()
    assert (programme.title, programme.visibility, programme.current_stage) == ("Day opportunities 2028", "public", first)


def test_changing_details_with_an_empty_title_keeps_the_other_answers(client_as, users, programme):
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("programme_edit", programme),
        {"title": "", "summary": "Changed summary", "visibility": "members", "lead": users[Role.COMMISSIONER].pk,
         "current_stage": programme.current_stage_id},
        errors=["Enter a title"], kept=["summary"], unchanged=lambda: list(Programme.objects.values_list("title", "summary")),
    )


def test_moving_the_programme_asks_which_stage_and_why_records_a_decision_and_tells_the_group(
        client_as, users, programme, person_member):
    client = client_as(users[Role.COMMISSIONER])
    move = url("programme_stage_move", programme)
    second, third = stage_of(programme, 2), stage_of(programme, 3)
    form = page_of(client.get(move + "?direction=forward"))
    assert form.select_one(f'input[name="stage"][value="{second.pk}"]').has_attr("checked")  # the next stage, suggested
    assert form.select_one(f'input[name="stage"][value="{programme.current_stage_id}"]') is None
    response = client.post(move, {"stage": third.pk, "reason": "The group agreed its priorities at the October meeting."}, follow=True)
    programme.refresh_from_db()
    assert programme.current_stage == third
    assert "The programme is now at “Decide where the money goes”" in response.text
    decision = Decision.objects.get(programme=programme)
    assert decision.stage == third and decision.decided_on == timezone.localdate()
    assert decision.decided_by == users[Role.COMMISSIONER].full_name and decision.recorded_by == users[Role.COMMISSIONER]
    assert "from “Find out what matters locally” to “Decide where the money goes”" in decision.decision
    assert "The group agreed its priorities at the October meeting." in decision.decision
    told = Message.objects.get(recipient=users[Role.PERSON])
    assert told.topic == Topic.PROGRAMME and "Decide where the money goes" in told.subject
    assert "The group agreed its priorities" in told.body
    assert not Message.objects.filter(recipient=users[Role.COMMISSIONER]).exists()  # not the person who moved it


def test_a_move_without_a_reason_or_stage_is_explained_and_nothing_changes(client_as, users, programme):
    client = client_as(users[Role.COMMISSIONER])
    move = url("programme_stage_move", programme)
    unchanged = lambda: (Programme.objects.get(pk=programme.pk).current_stage_id, Decision.objects.count(), Message.objects.count())
    assert_bad_input(client, move, {"stage": stage_of(programme, 2).pk, "reason": "  "},
                     errors=["Enter why the programme is moving to this stage"], unchanged=unchanged)
    assert_bad_input(client, move, {"stage": "", "reason": "Ready"}, errors=["Select the stage the programme is moving to"],
                     kept=["reason"], unchanged=unchanged)
    assert_bad_input(client, move, {"stage": ProgrammeFactory().current_stage_id, "reason": "Ready"},
                     errors=["Select a stage from the list"], kept=["reason"], unchanged=unchanged)


def test_members_cannot_move_the_programme_on(client_as, users, programme):
    data = {"stage": stage_of(programme, 2).pk, "reason": "Ready"}
    assert client_as(users[Role.PERSON]).post(url("programme_stage_move", programme), data).status_code == 403
    programme.refresh_from_db()
    assert programme.current_stage.position == 1


def test_key_dates_are_added_and_removed(client_as, users, programme):
    client = client_as(users[Role.COMMISSIONER])
    client.post(url("key_dates", programme), {"label": "Vote opens", "date_0": "1", "date_1": "3", "date_2": "2027", "stage": ""})
    key_date = KeyDate.objects.get(programme=programme)
    assert "1 March 2027" in client.get(url("programme_detail", programme)).text
    client.post(url("key_date_remove", programme, key_date_id=key_date.pk))
    assert not KeyDate.objects.exists()


def test_a_key_date_needs_a_date(client_as, users, programme):
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("key_dates", programme),
        {"label": "Vote opens", "date_0": "", "date_1": "", "date_2": "", "stage": ""},
        errors=["Enter the date"], kept=["label"], unchanged=lambda: KeyDate.objects.count(),
    )


def test_another_programmes_key_date_cannot_be_removed_through_this_one(client_as, users, programme):
    elsewhere = KeyDateFactory()
    assert client_as(users[Role.COMMISSIONER]).post(url("key_date_remove", programme, key_date_id=elsewhere.pk)).status_code == 404
    assert KeyDate.objects.filter(pk=elsewhere.pk).exists()


def stage_names(programme) -> list[str]:
    return list(programme.stages.order_by("position").values_list("name", flat=True))


def test_stages_are_renamed_added_at_the_end_of_their_phase_and_reordered(client_as, users, programme):
    client = client_as(users[Role.COMMISSIONER])
    first = stage_of(programme, 1)
    client.post(url("stage_edit", programme, stage_id=first.pk), {"phase": "plan", "name": "Listen first", "description": "Stories"})
    client.post(url("stage_add", programme), {"phase": "plan", "name": "Check the money", "description": ""})
    names = stage_names(programme)
    assert names[0] == "Listen first" and names[4] == "Check the money" and names[5] == DEFAULT_STAGES[4][1]
    added = programme.stages.get(name="Check the money")
    client.post(url("stage_move", programme, stage_id=added.pk), {"direction": "up"})
    assert stage_names(programme)[3:5] == ["Check the money", DEFAULT_STAGES[3][1]]
    client.post(url("stage_move", programme, stage_id=added.pk), {"direction": "down"})
    assert stage_names(programme)[3:5] == [DEFAULT_STAGES[3][1], "Check the money"]


def test_a_stage_cannot_move_out_of_its_phase(client_as, users, programme):
    last_plan = stage_of(programme, 4)
    response = client_as(users[Role.COMMISSIONER]).post(url("stage_move", programme, stage_id=last_plan.pk), {"direction": "down"}, follow=True)
    assert "is already the last stage in plan" in response.text
    assert stage_names(programme) == [name for _, name, _ in DEFAULT_STAGES]


def test_a_stage_needs_a_name(client_as, users, programme):
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("stage_add", programme), {"phase": "do", "name": "", "description": "Keep me"},
        errors=["Enter a name for the stage"], kept=["description"], unchanged=lambda: Stage.objects.count(),
    )


def test_an_empty_stage_is_removed(client_as, users, programme):
    review = stage_of(programme, 8)
    client_as(users[Role.COMMISSIONER]).post(url("stage_remove", programme, stage_id=review.pk))
    assert len(stage_names(programme)) == 7
    assert list(programme.stages.order_by("position").values_list("position", flat=True)) == list(range(1, 8))


def test_a_stage_holding_activities_or_decisions_cannot_be_removed(client_as, users, programme):
    stage = stage_of(programme, 2)
    ActivityFactory(programme=programme, stage=stage)
    DecisionFactory(programme=programme, stage=stage)
    response = assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("stage_remove", programme, stage_id=stage.pk), {},
        errors=[f"You cannot remove “{stage.name}” because it holds 1 activity and 1 decision. Move them to another stage first."],
        unchanged=lambda: stage_names(programme),
    )
    assert "Remove the stage</button>" not in response.text


def test_the_current_stage_cannot_be_removed(client_as, users, programme):
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("stage_remove", programme, stage_id=programme.current_stage_id), {},
        errors=[f"You cannot remove “{programme.current_stage.name}” because the programme is at this stage now. Move the programme to another stage first."],
        unchanged=lambda: stage_names(programme),
    )


def test_another_programmes_stage_is_not_found(client_as, users, programme):
    elsewhere = ProgrammeFactory()
    response = client_as(users[Role.COMMISSIONER]).post(url("stage_remove", programme, stage_id=stage_of(elsewhere, 8).pk))
    assert response.status_code == 404
    assert elsewhere.stages.count() == len(DEFAULT_STAGES)


def test_the_home_page_lists_the_groups_you_are_in_now(client_as, users, programme):
    GroupMemberFactory(user=users[Role.PERSON], left_on="2026-01-01")  # left: not listed
    home = client_as(users[Role.PERSON]).get(reverse("accounts:role_home", kwargs={"role": "person"})).text
    assert "Your co-production groups" in home and "Day opportunities 2027" in home
    assert home.count(reverse("commissioning:programme_detail", kwargs={"programme_id": programme.pk})) == 1
    assert "Your co-production groups" not in client_as(users[Role.PROVIDER]).get(reverse("accounts:role_home", kwargs={"role": "provider"})).text


def test_each_kind_of_coproduction_is_counted_at_the_stage_it_belongs_to(client_as, users, programme):
    from commissioning.coassessment import services as coassessment_services

    # The programme is still at its first stage, but a survey of the service is part of co-assessing it.
    survey = coassessment_services.survey_create(programme=programme, by=users[Role.COMMISSIONER], title="How are breaks going?")
    assert survey.activity.stage.name == "Co-assess the service"
    page = page_of(client_as(users[Role.PERSON]).get(url("programme_detail", programme)))
    stage = next(item for item in page.select(".app-tracker__stage") if "Co-assess the service" in item.get_text())
    assert "1 co-production activity" in stage.get_text() and "Survey: 1" in stage.get_text()
    assert "No co-production recorded yet" not in stage.get_text()


def test_a_programme_that_renamed_the_stage_puts_the_activity_in_the_same_phase(users, programme):
    from commissioning.coassessment import services as coassessment_services
    from commissioning.services import stage_update

    review = stage_of(programme, 7)
    stage_update(stage=review, phase=review.phase, name="Look back together", description="")
    survey = coassessment_services.survey_create(programme=programme, by=users[Role.COMMISSIONER], title="How are breaks going?")
    assert survey.activity.stage == review


def test_the_overview_says_what_is_happening_now_whats_next_and_what_you_are_asked_to_do(client_as, users, programme):
    from tests.commissioning.panels.factories import PanelFactory, PanelMemberFactory

    panel = PanelFactory(programme=programme, title="Day opportunities tender panel")
    PanelMemberFactory(panel=panel, user=users[Role.PERSON], role="lived_experience")
    page = page_of(client_as(users[Role.PERSON]).get(url("programme_detail", programme)))
    now = " ".join(page.select_one("#happening-now").get_text().split())
    assert "The group is at the stage “Find out what matters locally”, in the plan phase." in now
    assert "Next: “Agree priorities and outcomes”." in now
    assert "Say whether you have an interest in any bidder" in now
    # What the member takes part in comes before the stages.
    parts = page.select_one("#your-part")
    assert parts is not None and "You are on the procurement panel “Day opportunities tender panel”" in parts.find_next("ul").get_text()
    assert str(page).index('id="your-part"') < str(page).index('id="stages-heading"')


def test_the_programme_pages_are_grouped_in_plan_do_and_review(client_as, users, programme):
    nav = page_of(client_as(users[Role.PERSON]).get(url("programme_detail", programme))).select_one(".app-programme-nav")
    phases = [phase["aria-label"] for phase in nav.select(".app-programme-nav__phase")]
    assert phases == ["Plan", "Do", "Review"]
    plan = nav.select_one('[aria-label="Plan"]').get_text()
    assert "Priorities" in plan and "Workshops" in plan and "Panels" not in plan
    assert "Panels" in nav.select_one('[aria-label="Do"]').get_text()
