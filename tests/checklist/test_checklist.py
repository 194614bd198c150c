import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from checklist.models import (
    Checklist,
    Goal,
    Perspective,
    Rating,
    SharedStory,
    StatementSet,
)
from checklist import selectors
from checklist.totals import totals_rebuild
from coproduction.accounts.models import Role
from coproduction.audit.models import AuditEvent
from tests.careplans.factories import (
    CarePlanFactory,
    PersonFactory,
    RepresentativeFactory,
)
from tests.checklist.factories import (
    ChecklistFactory,
    GoalFactory,
    SurveyRoundFactory,
    current_set,
    planning,
    submitted_checklist,
)
from tests.coproduction.accounts.factories import TeamFactory, UserFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def page_text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def al(team, person, practitioner):
    """The PERSON user's own record, on the practitioner's caseload, with an agreed plan."""
    record = PersonFactory(user=person, team=team, practitioner=practitioner, full_name="Alan Marsh")
    CarePlanFactory(person=record, version=1, status="agreed", created_by=practitioner)
    return record


def answer_all(client, checklist, score="4"):
    data = {f"answer_{number}": score for number in range(1, 11)}
    return client.post(reverse("checklist:fill", kwargs={"checklist_id": checklist.pk}), data)


# Filling it in ----------------------------------------------------------------------------


def test_a_person_answers_over_two_visits_and_sends(client_as, person, al):
    client = client_as(person)
    response = client.post(reverse("checklist:start"), {"layout": "one"})
    checklist = Checklist.objects.get(person=al)
    assert response.headers["Location"] == reverse("checklist:fill_one", kwargs={"checklist_id": checklist.pk, "number": 1})
    # First visit: statement 1 only, with a story, then "come back later".
    client.post(response.headers["Location"], {"answer_1": "5", "comment_1": "I wrote it myself.", "later": ""})
    # Second visit, from the home page: the answer is still there, and starting again carries on.
    assert client.post(reverse("checklist:start"), {"layout": "all"}).headers["Location"] == reverse("checklist:fill", kwargs={"checklist_id": checklist.pk})
    page = client.get(reverse("checklist:fill", kwargs={"checklist_id": checklist.pk}))
    assert BeautifulSoup(page.content, "html.parser").find("input", {"name": "answer_1", "value": "5"}).has_attr("checked")
    assert "I wrote it myself." in page.text
    data = {f"answer_{n}": "3" for n in range(2, 10)} | {"answer_1": "5", "comment_1": "I wrote it myself.", "answer_10": "prefer_not"}
    assert client.post(reverse("checklist:fill", kwargs={"checklist_id": checklist.pk}), data).status_code == 302
    check = client.get(reverse("checklist:check", kwargs={"checklist_id": checklist.pk}))
    assert "5 – Always, completely" in check.text and "Prefer not to say" in check.text
    client.post(reverse("checklist:check", kwargs={"checklist_id": checklist.pk}))
    checklist.refresh_from_db()
    assert checklist.is_submitted and checklist.completed_with == Checklist.CompletedWith.SELF
    assert checklist.plan == al.plans.get() and checklist.practitioner == al.practitioner
    # The dashboards' copy of the grouping columns is filled in when it is sent.
    assert set(Rating.objects.filter(checklist=checklist).values_list("team_id", "perspective", "submitted_on")) == {
        (al.team_id, "person", timezone.localdate())
    }
    # Once sent, nobody changes it: going back to its pages says it has already been sent.
    again = client.post(reverse("checklist:fill", kwargs={"checklist_id": checklist.pk}), {"answer_1": "1"})
    assert again.status_code == 200 and "These answers have already been sent" in again.text
    assert Rating.objects.get(checklist=checklist, statement__number=1).score == 5
    back = client.get(reverse("checklist:check", kwargs={"checklist_id": checklist.pk}))
    assert back.status_code == 200
    assert BeautifulSoup(back.content, "html.parser").h1.get_text(strip=True) == "These answers have already been sent"
    assert "See the answers that were sent" in back.text
    assert AuditEvent.objects.filter(target_id=str(checklist.pk), subject=person, action="change").count() >= 3


def test_sending_with_statements_unanswered_lists_them_and_sends_nothing(client_as, person, al):
    client = client_as(person)
    client.post(reverse("checklist:start"))
    checklist = Checklist.objects.get(person=al)
    client.post(reverse("checklist:fill_one", kwargs={"checklist_id": checklist.pk, "number": 1}), {"answer_1": "4"})
    response = client.post(reverse("checklist:check", kwargs={"checklist_id": checklist.pk}))
    assert response.status_code == 200 and response.text.count("There is a problem") == 1
    summary = page_text(response)
    assert "Answer statement 2" in summary and "Answer statement 10" in summary and "Answer statement 1:" not in summary
    assert response.content.count(b"govuk-error-summary__list") == 1
    checklist.refresh_from_db()
    assert not checklist.is_submitted


def test_bad_answers_show_errors_keep_the_other_answers_and_save_nothing(client_as, person, al):
    client = client_as(person)
    client.post(reverse("checklist:start"))
    checklist = Checklist.objects.get(person=al)
    assert_bad_input(
        client,
        reverse("checklist:fill", kwargs={"checklist_id": checklist.pk}),
        {"answer_1": "9", "comment_2": "A story with no rating", "answer_3": "4", "comment_3": "Kept", "comment_4": "x" * 2001, "answer_4": "2"},
        errors=[
            "Select an answer for statement 1 from the list",
            "Select an answer for statement 2, or delete what you wrote about it",
            "What you wrote about statement 4 must be 2,000 characters or fewer",
        ],
        kept=["comment_2", "comment_3"],
        unchanged=lambda: list(Rating.objects.filter(checklist=checklist).values_list("statement_id", "score", "comment")),
    )


def test_a_representative_answers_on_the_persons_behalf(client_as, carer, al, practitioner):
    representative = RepresentativeFactory(person=al, user=carer, recorded_by=practitioner)
    client = client_as(carer)
    home = client.get(reverse("accounts:role_home", kwargs={"role": "carer"}))
    assert "Answer the checklist for Alan Marsh" in BeautifulSoup(home.content, "html.parser").get_text()
    client.post(reverse("checklist:start_for_person", kwargs={"person_id": al.pk}))
    checklist = Checklist.objects.get(person=al)
    assert checklist.completed_with == Checklist.CompletedWith.REPRESENTATIVE and checklist.representative == representative
    assert checklist.perspective == Perspective.PERSON and checklist.entered_by == carer
    answer_all(client, checklist)
    assert "answered on their behalf" in client.get(reverse("checklist:check", kwargs={"checklist_id": checklist.pk})).text


def test_a_practitioner_records_it_with_the_person_and_reflects_on_their_own_practice(client_as, practitioner, al):
    client = client_as(practitioner)
    client.post(reverse("checklist:start_for_person", kwargs={"person_id": al.pk}))
    with_person = Checklist.objects.get(person=al, perspective=Perspective.PERSON)
    assert with_person.completed_with == Checklist.CompletedWith.PRACTITIONER
    response = client.post(reverse("checklist:reflect"), {"about": str(al.pk)})
    reflection = Checklist.objects.get(person=al, perspective=Perspective.PRACTITIONER)
    assert response.headers["Location"] == reverse("checklist:fill", kwargs={"checklist_id": reflection.pk})
    assert "How well does your practice achieve this?" in client.get(response.headers["Location"]).text
    general = client.post(reverse("checklist:reflect"), {"about": "general"})
    assert Checklist.objects.get(person=None, perspective=Perspective.PRACTITIONER).team == practitioner.team_memberships.get().team
    assert general.status_code == 302


def test_someone_elses_draft_is_not_theirs_to_fill(client_as, practitioner, al, person):
    draft = ChecklistFactory(person=al, entered_by=person)
    assert client_as(practitioner).get(reverse("checklist:fill", kwargs={"checklist_id": draft.pk})).status_code == 403


# Perception gap ---------------------------------------------------------------------------


def test_the_person_sees_their_answers_beside_the_practitioners(client_as, person, al, practitioner):
    plan = al.plans.get()
    submitted_checklist(person=al, plan=plan, practitioner=practitioner, scores=[2] * 10)
    submitted_checklist(person=al, perspective=Perspective.PRACTITIONER, plan=plan, practitioner=practitioner, scores=[4] * 9 + [1])
    text = page_text(client_as(person).get(reverse("checklist:person_compare", kwargs={"person_id": al.pk})))
    assert "Your answers beside your practitioner's" in text
    assert "Practitioner 2 higher" in text and "Person 1 higher" in text
    assert "Tell us how your planning felt" in text


# Dashboards and suppression ---------------------------------------------------------------


def _team_answers(team, count, *, score=3, perspective=Perspective.PERSON, practitioner=None, on=None):
    for _ in range(count):
        person = PersonFactory(team=team)
        plan = CarePlanFactory(person=person, version=1, status="agreed")
        submitted_checklist(person=person, perspective=perspective, plan=plan, practitioner=practitioner, scores=[score] * 10, on=on)


def test_team_figures_from_fewer_than_five_answers_are_withheld(client_as, team_manager, team):
    _team_answers(team, 4, score=2)
    url = reverse("checklist:dashboard") + f"?team={team.pk}&period=12m"
    client = client_as(team_manager)
    text = page_text(client.get(url))
    assert "Fewer than 5 answers" in text
    assert "2.0 (4)" not in text
    _team_answers(team, 1, score=2)
    assert "2.0 (5)" in page_text(client.get(url))


def test_the_threshold_is_a_setting(client_as, team_manager, team, settings):
    settings.CHECKLIST_MIN_GROUP_SIZE = 3
    _team_answers(team, 3, score=5)
    assert "5.0 (3)" in page_text(client_as(team_manager).get(reverse("checklist:dashboard") + f"?team={team.pk}"))


def test_the_dashboard_shows_the_gap_where_practitioners_rate_higher(client_as, team_manager, team, practitioner):
    for _ in range(5):
        person = PersonFactory(team=team, practitioner=practitioner)
        plan = CarePlanFactory(person=person, version=1, status="agreed")
        submitted_checklist(person=person, plan=plan, practitioner=practitioner, scores=[2] * 10)
        submitted_checklist(person=person, perspective=Perspective.PRACTITIONER, plan=plan, practitioner=practitioner, scores=[4] * 10)
    text = page_text(client_as(team_manager).get(reverse("checklist:dashboard") + f"?team={team.pk}"))
    assert "+2.0 (5 people)" in text
    assert "People on the caseload 5" in text


def test_a_trend_by_quarter_is_shown_with_its_table(client_as, team_manager, team):
    today = timezone.localdate()
    _team_answers(team, 5, score=2, on=today - datetime.timedelta(days=200))
    _team_answers(team, 5, score=4, on=today)
    response = client_as(team_manager).get(reverse("checklist:dashboard") + f"?team={team.pk}&period=12m")
    page = BeautifulSoup(response.content, "html.parser")
    # Both charts are named images: the bar chart in HTML, the trend an SVG.
    assert [image.name for image in page.select("figure [role=img]")] == ["div", "svg"]
    # Only the people's line (solid): practitioners' answers are too few to show.
    assert [line.get("stroke-dasharray") for line in page.select("polyline")] == [None]
    rows = [row.get_text(" ", strip=True) for row in page.find("caption", string=lambda s: s and "by quarter" in s).find_parent("table").select("tbody tr")]
    assert rows[0].endswith("2.0 (5) Fewer than 5 answers") and rows[-1].endswith("4.0 (5) Fewer than 5 answers")


def test_a_manager_cannot_choose_another_teams_figures(client_as, team_manager, other_team):
    _team_answers(other_team, 5, score=1)
    response = client_as(team_manager).get(reverse("checklist:dashboard") + f"?team={other_team.pk}")
    assert response.status_code == 200
    assert "Select a team from the list" in response.text and "1.0 (5)" not in page_text(response)


def test_a_head_of_service_sees_every_team_side_by_side(client_as, users, team, other_team):
    head = users[Role.HEAD_OF_SERVICE]
    _team_answers(team, 5, score=4)
    _team_answers(other_team, 5, score=2)
    text = page_text(client_as(head).get(reverse("checklist:teams")))
    assert "North Adults Team 5 0 4.0 (5)" in text and "South Adults Team 5 0 2.0 (5)" in text
    # The next page keeps the chosen period.
    TeamFactory.create_batch(25)
    assert 'href="?period=24m&amp;page=2"' in client_as(head).get(reverse("checklist:teams") + "?period=24m").text
    # Totals only: a head of service never opens a caseload list.
    assert client_as(head).get(reverse("careplans:caseload")).status_code == 403


def test_a_head_of_service_adds_up_every_team_and_a_manager_only_their_own(client_as, users, team_manager, team, other_team):
    head = users[Role.HEAD_OF_SERVICE]
    _team_answers(team, 5, score=4)
    _team_answers(other_team, 5, score=2)
    head_page = client_as(head).get(reverse("checklist:dashboard"))
    chosen = BeautifulSoup(head_page.content, "html.parser").select_one("select[name=team] option")
    assert chosen.get_text(strip=True) == "Every team"
    assert "3.0 (10)" in page_text(head_page)  # both teams' people together
    manager_text = page_text(client_as(team_manager).get(reverse("checklist:dashboard")))
    assert "4.0 (5)" in manager_text and "3.0 (10)" not in manager_text


def test_the_dashboard_scope_is_every_team_only_for_a_head_of_service(users, team_manager, team, other_team):
    head = users[Role.HEAD_OF_SERVICE]
    every = selectors.teams_for_dashboard(user=head)
    assert {t.pk for t in every} >= {team.pk, other_team.pk}
    assert selectors.dashboard_team_ids(user=head, teams=every, chosen_team_id=None) is None
    assert selectors.dashboard_team_ids(user=head, teams=every, chosen_team_id=other_team.pk) == [other_team.pk]
    assert selectors.dashboard_all_teams_label(user=head, teams=every) == "Every team"
    managed = selectors.teams_for_dashboard(user=team_manager)
    assert [t.pk for t in managed] == [team.pk]
    assert selectors.dashboard_team_ids(user=team_manager, teams=managed, chosen_team_id=None) == [team.pk]
    assert selectors.dashboard_all_teams_label(user=team_manager, teams=managed) is None
    assert head.has_perm("checklist.view_every_team") and not team_manager.has_perm("checklist.view_every_team")


def test_survey_rounds_follow_the_same_head_of_service_scope(users, team_manager, team, other_team):
    head = users[Role.HEAD_OF_SERVICE]
    own, others, council = SurveyRoundFactory(team=team), SurveyRoundFactory(team=other_team), SurveyRoundFactory(team=None)
    assert {r.pk for r in selectors.rounds_visible_to(user=head)} >= {own.pk, others.pk, council.pk}
    assert {r.pk for r in selectors.rounds_visible_to(user=team_manager)} == {own.pk, council.pk}


def _many_ratings(team, checklists: int):
    statements = planning()
    people = PersonFactory.create_batch(5, team=team)
    entered_by = UserFactory()
    made = Checklist.objects.bulk_create(
        Checklist(statement_set=current_set(), perspective=Perspective.PERSON, person=people[i % 5], team=team,
                  entered_by=entered_by, submitted_at=timezone.now())
        for i in range(checklists)
    )
    Rating.objects.bulk_create(
        Rating(checklist=checklist, statement=statement, score=1 + (i + statement.number) % 5, team=team, perspective=Perspective.PERSON,
               submitted_on=timezone.localdate() - datetime.timedelta(days=i % 300))
        for i, checklist in enumerate(made) for statement in statements
    )
    totals_rebuild()


def test_the_dashboard_runs_the_same_queries_with_1000_and_10000_ratings(client_as, team_manager, team):
    _many_ratings(team, 100)
    GoalFactory(team=team)
    client = client_as(team_manager)
    url = reverse("checklist:dashboard") + f"?team={team.pk}&period=all"
    # OTP device, memberships; teams, statement set, statements; results, gap, trend, goals. The
    # caseload figures are kept in the cache: counted (two queries, people and plans) on the first
    # page after a caseload changes, which the new people below do, so the page after growing is
    # fetched once before it is counted.
    assert_fixed_queries(
        lambda: client.get(url), budget=9,
        grow=lambda: (_many_ratings(team, 900), GoalFactory.create_batch(3, team=team), client.get(url)),
    )


def test_the_teams_page_and_a_survey_run_fixed_queries(client_as, users, team):
    head = users[Role.HEAD_OF_SERVICE]
    client = client_as(head)
    # OTP device; teams, statement set, statements; ratings by team. The caseloads by team are kept
    # in the cache (one query when counted: for a new page of teams, as after growing).
    assert_fixed_queries(
        lambda: client.get(reverse("checklist:teams")), budget=5,
        grow=lambda: ([TeamFactory() for _ in range(10)], client.get(reverse("checklist:teams"))),
    )
    survey = SurveyRoundFactory(team=team)
    url = reverse("checklist:round_detail", kwargs={"round_id": survey.pk})
    # OTP device; the survey with its count, its totals, its statements.
    assert_fixed_queries(
        lambda: client.get(url), budget=4,
        grow=lambda: [submitted_checklist(person=PersonFactory(team=team), survey_round=survey) for _ in range(10)],
    )


def test_caseload_figures_link_to_the_list_behind_them(client_as, team_manager, team, practitioner):
    overdue = PersonFactory(team=team, full_name="Olive Overdue")
    CarePlanFactory(person=overdue, version=1, status="agreed", review_due=timezone.localdate() - datetime.timedelta(days=3))
    PersonFactory(team=team, full_name="Nora Noplan")
    client = client_as(team_manager)
    page = BeautifulSoup(client.get(reverse("checklist:dashboard")).content, "html.parser")
    # The filters show what the page shows: the manager's one team, the last 12 months.
    assert page.select_one("#id_period option[selected]").get_text() == "The last 12 months"
    assert page.select_one("#id_team option[selected]").get_text() == "North Adults Team"
    link = page.find("a", href=reverse("careplans:caseload") + "?show=overdue")
    assert link is not None and link.get_text(" ", strip=True).startswith("1")
    listed = page_text(client.get(link["href"]))
    assert "1 person with an overdue review" in listed and "Olive Overdue" in listed and "Nora Noplan" not in listed


def _figures(client) -> dict[str, str]:
    page = BeautifulSoup(client.get(reverse("checklist:dashboard")).content, "html.parser")
    return {item.dt.get_text(strip=True): item.dd.get_text(" ", strip=True).split(" ")[0] for item in page.select(".app-figures__item")}


def test_caseload_figures_kept_in_the_cache_show_a_change_at_once(client_as, users, team_manager, team, other_team, practitioner):
    from careplans.services import person_create, person_update

    first = PersonFactory(team=team)
    head, manager = client_as(users[Role.HEAD_OF_SERVICE]), client_as(team_manager)
    assert _figures(manager)["People on the caseload"] == "1"
    before_head = int(_figures(head)["People on the caseload"])
    # Added by the people service: both dashboards count them on their next page.
    added = person_create(data={"full_name": "Nia Newcomer", "team": team}, by=practitioner)
    assert _figures(manager)["People on the caseload"] == "2"
    assert int(_figures(head)["People on the caseload"]) == before_head + 1
    # A plan agreed with a review already overdue, then the person moved to another team.
    CarePlanFactory(person=added, version=1, status="agreed", review_due=timezone.localdate() - datetime.timedelta(days=1))
    figures = _figures(manager)
    assert figures["Agreed plans"] == "1" and figures["Reviews overdue"] == "1"
    person_update(person=first, data={"team": other_team}, by=practitioner)
    assert _figures(manager)["People on the caseload"] == "1"
    teams = page_text(head.get(reverse("checklist:teams")))
    assert other_team.name in teams


# Survey rounds ----------------------------------------------------------------------------


def test_a_survey_invites_people_and_shows_only_totals(client_as, team_manager, team, person, al):
    client = client_as(team_manager)
    today = timezone.localdate()
    response = client.post(reverse("checklist:round_add"), {
        "title": "Winter survey", "team": str(team.pk),
        "opens_on_0": today.day, "opens_on_1": today.month, "opens_on_2": today.year,
        "closes_on_0": (today + datetime.timedelta(days=14)).day, "closes_on_1": (today + datetime.timedelta(days=14)).month,
        "closes_on_2": (today + datetime.timedelta(days=14)).year,
    })
    survey = team.survey_rounds.get()
    assert response.headers["Location"] == reverse("checklist:round_detail", kwargs={"round_id": survey.pk})
    person_client = client_as(person)
    assert "Winter survey" in person_client.get(reverse("accounts:role_home", kwargs={"role": "person"})).text
    person_client.post(reverse("checklist:start"))
    checklist = Checklist.objects.get(person=al)
    assert checklist.survey_round == survey
    answer_all(person_client, checklist, score="5")
    person_client.post(reverse("checklist:check", kwargs={"checklist_id": checklist.pk}))
    assert "Winter survey" not in person_client.get(reverse("accounts:role_home", kwargs={"role": "person"})).text
    text = page_text(client.get(reverse("checklist:round_detail", kwargs={"round_id": survey.pk})))
    assert "1 answer so far" in text and "Fewer than 5 answers" in text and "5.0" not in text


def test_a_survey_with_bad_dates_is_not_opened(client_as, team_manager, team):
    today = timezone.localdate()
    assert_bad_input(
        client_as(team_manager), reverse("checklist:round_add"),
        {"title": "Spring", "team": str(team.pk), "opens_on_0": today.day, "opens_on_1": today.month, "opens_on_2": today.year + 1,
         "closes_on_0": today.day, "closes_on_1": today.month, "closes_on_2": today.year},
        errors=["The closing date must be the same as or after the opening date"], kept=["title"],
        unchanged=lambda: team.survey_rounds.count(),
    )


# Goals and stories ------------------------------------------------------------------------


def test_a_manager_agrees_a_goal_with_a_practitioner_and_sees_progress(client_as, team_manager, practitioner, team):
    client = client_as(team_manager)
    statement = planning()[8]
    assert_bad_input(
        client, reverse("checklist:goal_add"),
        {"team": team.pk, "practitioner": practitioner.pk, "statement": statement.pk, "target_score": "7", "examples": "Say what happens next."},
        errors=["The target must be 5 or less", "Enter the date to achieve it by"], kept=["examples"],
        unchanged=lambda: Goal.objects.count(),
    )
    due = timezone.localdate() + datetime.timedelta(days=60)
    client.post(reverse("checklist:goal_add"), {
        "team": team.pk, "practitioner": practitioner.pk, "statement": statement.pk, "target_score": "4.5", "examples": "Say what happens next.",
        "due_on_0": due.day, "due_on_1": due.month, "due_on_2": due.year,
    })
    goal = Goal.objects.get()
    assert goal.practitioner == practitioner and goal.agreed_by == team_manager
    _team_answers(team, 5, score=4, practitioner=practitioner)
    text = page_text(client_as(practitioner).get(reverse("checklist:goal_detail", kwargs={"goal_id": goal.pk})))
    assert "4.0 on average from 5 answers" in text


def test_a_team_picks_at_most_three_stories_and_shares_only_with_consent(client_as, team_manager, team):
    checklists = [submitted_checklist(person=PersonFactory(team=team), comment=f"Story {n}") for n in range(4)]
    statement = planning()[0]
    ratings = [checklist.ratings.get(statement=statement) for checklist in checklists]
    client = client_as(team_manager)
    url = reverse("checklist:team_stories", kwargs={"team_id": team.pk, "statement_id": statement.pk})
    for rating in ratings[:3]:
        client.post(url, {"choose": rating.pk})
    response = client.post(url, {"choose": ratings[3].pk})
    assert response.status_code == 400 and "already chosen 3 stories" in response.text
    assert SharedStory.objects.filter(team=team).count() == 3
    story = SharedStory.objects.get(rating=ratings[0])
    share = reverse("checklist:story_share", kwargs={"story_id": story.pk})
    assert_bad_input(
        client, share, {"consent_notes": "Asked at review"}, errors=["Select who agreed to the story being shared", "Confirm they know who will read the story"],
        kept=["consent_notes"], unchanged=lambda: SharedStory.objects.filter(shared_at__isnull=False).count(),
    )
    # Not shared yet: the council's page does not have it.
    assert "Story 0" not in client.get(reverse("checklist:shared_stories")).text
    client.post(share, {"consent_from": "person", "consent_notes": "Asked at review, 3 March", "confirm": "on"})
    assert "Story 0" in client.get(reverse("checklist:shared_stories")).text


# Statement sets ---------------------------------------------------------------------------


def test_the_first_set_is_published_unchecked_with_its_source(client_as, administrator):
    statement_set = current_set()
    assert statement_set.version == 1 and not statement_set.wording_checked
    assert [s.number for s in statement_set.statements.filter(part="planning")] == list(range(1, 11))
    assert [s.number for s in statement_set.statements.filter(part="review")] == [11, 12]
    assert "Not checked" in client_as(administrator).get(reverse("checklist:statement_sets")).text


def test_a_corrected_set_is_used_from_then_on_and_old_answers_keep_theirs(client_as, administrator, person, al):
    old = submitted_checklist(person=al)
    client = client_as(administrator)
    form = BeautifulSoup(client.get(reverse("checklist:statement_set_publish")).content, "html.parser")
    data = {field["name"]: field.get("value", "") for field in form.select("form input[name]") if field["name"] != "csrfmiddlewaretoken"}
    data |= {area["name"]: area.get_text().lstrip("\n") for area in form.select("form textarea")}
    data |= {"wording_checked": "on", "wording_1": "I am trusted to write my own care and support plan, with whatever help I need."}
    client.post(reverse("checklist:statement_set_publish"), data)
    assert StatementSet.objects.count() == 2 and current_set().wording_checked
    client_as(person).post(reverse("checklist:start"))
    new = Checklist.objects.get(person=al, submitted_at__isnull=True)
    assert new.statement_set.version == 2 and old.statement_set.version == 1
    assert old.ratings.first().statement.statement_set.version == 1


def test_publishing_without_wording_says_which_is_missing(client_as, administrator):
    assert_bad_input(
        client_as(administrator), reverse("checklist:statement_set_publish"),
        {"title": "Statements", "source": "Our copy of the guide", "source_url": "not a url", "notes": "Corrected"},
        errors=["Enter the wording of statement 1", "Enter a web address, like https://www.example.org"], kept=["title", "notes"],
        unchanged=lambda: StatementSet.objects.count(),
    )


def test_running_totals_match_a_rebuild_from_the_answers(client_as, person, al, practitioner, team):
    """The totals the dashboards read are kept by each send; recomputing them changes nothing."""
    from checklist.models import GapTotal, RatingTotal

    client = client_as(person)
    client.post(reverse("checklist:start"))
    checklist = Checklist.objects.get(person=al)
    answer_all(client, checklist, score="2")
    client.post(reverse("checklist:check", kwargs={"checklist_id": checklist.pk}))
    practitioner_client = client_as(practitioner)
    practitioner_client.post(reverse("checklist:reflect"), {"about": str(al.pk)})
    reflection = Checklist.objects.get(person=al, perspective=Perspective.PRACTITIONER)
    answer_all(practitioner_client, reflection, score="5")
    practitioner_client.post(reverse("checklist:check", kwargs={"checklist_id": reflection.pk}))
    _team_answers(team, 3, score=4)

    def snapshot():
        return (
            sorted(RatingTotal.objects.values_list("team_id", "statement_id", "perspective", "quarter", "answered", "skipped", "score_sum", "n2", "n5")),
            sorted((t, s, q, p, round(g, 6)) for t, s, q, p, g in GapTotal.objects.values_list("team_id", "statement_id", "quarter", "plans", "gap_sum")),
        )

    kept = snapshot()
    assert GapTotal.objects.filter(plans=1, gap_sum=3.0).count() == 10  # Al, rated 2 by him and 5 by his practitioner
    totals_rebuild()
    assert snapshot() == kept


def test_reflecting_on_someone_not_on_your_caseload_is_refused_with_an_error(client_as, practitioner, team):
    stranger = PersonFactory(team=team)  # in the team, but not allocated to this practitioner
    assert_bad_input(
        client_as(practitioner), reverse("checklist:reflect"), {"about": str(stranger.pk)},
        errors=["Select a person from the list"], unchanged=lambda: Checklist.objects.count(),
    )


def test_updating_a_goal_needs_a_status_and_keeps_the_notes(client_as, team_manager, team):
    goal = GoalFactory(team=team, agreed_by=team_manager)
    assert_bad_input(
        client_as(team_manager), reverse("checklist:goal_detail", kwargs={"goal_id": goal.pk}),
        {"status": "finished", "progress_notes": "Better letters since March"},
        errors=["Select where this goal is now from the list"], kept=["progress_notes"],
        unchanged=lambda: list(Goal.objects.values_list("status", "progress_notes")),
    )


def test_a_persons_home_with_a_record_runs_fixed_queries(client_as, person, al, team):
    client = client_as(person)
    url = reverse("accounts:role_home", kwargs={"role": "person"})
    # memberships; the person's record (shared by both panels); their checklists;
    # open surveys that invite them; co-production groups, workshop invitations and boards and
    # interview panels;
    # procurement panels, monitoring meetings and quality visits they are on.
    response = assert_fixed_queries(
        lambda: client.get(url), budget=13,  # and the networks they belong to, and the votes open to them
        grow=lambda: (SurveyRoundFactory.create_batch(5, team=team), [submitted_checklist(person=al) for _ in range(5)]),
    )
    assert "You are invited" in response.text


def test_the_person_is_asked_the_two_review_statements_at_their_review(client_as, practitioner, team_manager, al, team):
    from tests.careplans.factories import ReviewFactory

    review = ReviewFactory(plan=al.plans.get(), created_by=practitioner)
    client = client_as(practitioner)
    review_page = client.get(reverse("careplans:review", kwargs={"person_id": al.pk}))
    assert "Ask the two questions" in review_page.text
    response = client.post(reverse("checklist:review_questions", kwargs={"person_id": al.pk, "review_id": review.pk}))
    checklist = Checklist.objects.get(review=review)
    assert response.headers["Location"] == reverse("checklist:fill", kwargs={"checklist_id": checklist.pk})
    assert checklist.part == "review" and checklist.completed_with == Checklist.CompletedWith.PRACTITIONER
    page = page_text(client.get(response.headers["Location"]))
    assert "11. My review is about me and my life" in page and "12. In my review I can say how services could be better" in page
    assert "1. I can write my own plan" not in page
    statements = {s.number: s for s in current_set().statements.all()}
    client.post(response.headers["Location"], {"answer_11": "5", "answer_12": "2", "comment_12": "Nobody asked what could be better."})
    client.post(reverse("checklist:check", kwargs={"checklist_id": checklist.pk}))
    checklist.refresh_from_db()
    assert checklist.is_submitted and checklist.ratings.get(statement=statements[12]).score == 2
    # The review's answers are not mixed into the planning checklist's totals.
    _team_answers(team, 5, score=3)
    text = page_text(client_as(team_manager).get(reverse("checklist:dashboard") + f"?team={team.pk}"))
    assert "3.0 (5)" in text and "Nobody asked" not in text
    # The comparison page still shows the planning checklist, not the review's two answers.
    submitted_checklist(person=al, plan=al.plans.get(), scores=[4] * 10, on=timezone.localdate() - datetime.timedelta(days=1))
    compare = page_text(client.get(reverse("checklist:person_compare", kwargs={"person_id": al.pk})))
    assert "4 – Mostly" in compare


def test_someone_else_cannot_ask_another_teams_person_the_review_questions(client_as, practitioner, other_team):
    from tests.careplans.factories import ReviewFactory

    stranger = PersonFactory(team=other_team)
    review = ReviewFactory(plan=CarePlanFactory(person=stranger, version=1, status="agreed"))
    response = client_as(practitioner).post(reverse("checklist:review_questions", kwargs={"person_id": stranger.pk, "review_id": review.pk}))
    assert response.status_code == 404 and not Checklist.objects.exists()
