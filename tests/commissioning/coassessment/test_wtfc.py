"""Working Together for Change: statements pulled without names, only from people who agreed,
never from fewer than five people; themed with or without JavaScript; counted; made priorities."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.coassessment.models import WtfcExercise, WtfcStatement, WtfcTheme
from commissioning.models import ActivityKind
from commissioning.priorities.models import Priority
from tests.careplans.factories import RepresentativeFactory
from tests.commissioning.coassessment.factories import (
    WtfcExerciseFactory,
    WtfcStatementFactory,
    WtfcThemeFactory,
    reviewed_person,
)
from tests.harness.bad_input import assert_bad_input

PERIOD = {"reviews_from_0": "1", "reviews_from_1": "1", "reviews_from_2": "2026", "reviews_to_0": "31", "reviews_to_1": "12", "reviews_to_2": "2026"}


def _start(client, programme, team, title="Reviews from 2026"):
    return client.post(reverse("coassessment:wtfc_add", kwargs={"programme_id": programme.pk}), {"title": title, "teams": [team.pk], **PERIOD})


@pytest.fixture
def reviewed(team, other_team):
    """Five people who agreed, one who said no, and reviews that must not be used."""
    bernie = reviewed_person(
        team=team, full_name="Bernadette O'Neill", preferred_name="Bernie",
        statements=[("working", "Bernie loves the Tuesday club; ask Bernadette's sister Margaret, 07700 900123")],
    )
    RepresentativeFactory(person=bernie, user=None, name="Margaret Hughes")
    others = [reviewed_person(team=team, statements=[("not_working", "The minibus is always late"), ("important_future", "A job")]) for _ in range(4)]
    reviewed_person(team=team, review_statements_opt_out=True, statements=[("not_working", "Said no to sharing this")])
    reviewed_person(team=other_team, statements=[("not_working", "From another team")])
    reviewed_person(team=team, held_on=datetime.date(2025, 6, 1), statements=[("not_working", "From before the period")])
    return [bernie, *others]


def test_statements_are_copied_without_names_and_never_from_people_who_said_no(client_as, commissioner, person, programme, team, reviewed):
    response = _start(client_as(commissioner), programme, team)
    exercise = WtfcExercise.objects.get()
    assert response.status_code == 302
    texts = set(exercise.statements.values_list("text", flat=True))
    assert texts == {
        "[name] loves the Tuesday club; ask [name]'s sister [name], [phone number]",
        "The minibus is always late", "A job",
    }
    assert exercise.people_count == 5 and exercise.statement_count == 9
    assert exercise.activity.kind == ActivityKind.WORKING_TOGETHER_FOR_CHANGE
    # The copy keeps no way back to a review, a person or a date.
    columns = {field.name for field in WtfcStatement._meta.get_fields()}
    assert columns == {"id", "exercise", "kind", "perspective", "text", "person_key", "suggested_theme", "theme"}
    assert sorted(set(exercise.statements.values_list("person_key", flat=True))) == [1, 2, 3, 4, 5]
    # The group sees the statements, and nothing that names anyone.
    page = client_as(person).get(reverse("coassessment:wtfc_detail", kwargs={"programme_id": programme.pk, "exercise_id": exercise.pk}))
    # The page's main content: the header names the signed-in member, whose random name could be anything.
    text = BeautifulSoup(page.content, "html.parser").find("main").get_text()
    assert "The minibus is always late" in text
    for someone in reviewed:
        assert someone.full_name not in text
        assert f"person-{someone.pk}" not in page.content.decode()
    assert "Bernie" not in text and "Margaret" not in text and "Said no to sharing this" not in text


def test_an_exercise_needs_at_least_five_peoples_reviews(client_as, commissioner, programme, team):
    for _ in range(4):
        reviewed_person(team=team)
    reviewed_person(team=team, review_statements_opt_out=True)  # the fifth said no: not counted
    url = reverse("coassessment:wtfc_add", kwargs={"programme_id": programme.pk})
    assert_bad_input(
        client_as(commissioner), url, {"title": "Too few", "teams": [team.pk], **PERIOD},
        errors=["Fewer than 5 people's reviews match, so the statements could point at someone. Choose more teams or a longer period."],
        kept=["title"], unchanged=lambda: (WtfcExercise.objects.count(), WtfcStatement.objects.count()),
    )


def test_bad_dates_and_no_team_are_explained(client_as, commissioner, programme, team):
    url = reverse("coassessment:wtfc_add", kwargs={"programme_id": programme.pk})
    data = {"title": "Backwards", **PERIOD, "reviews_to_2": "2025"}
    assert_bad_input(
        client_as(commissioner), url, data, errors=["Select at least one team", "The end of the period must be the same as or after the start"],
        kept=["title"], unchanged=lambda: WtfcExercise.objects.count(),
    )


def test_the_group_themes_statements_without_javascript_and_sees_them_ranked(client_as, person, programme):
    exercise = WtfcExerciseFactory(programme=programme)
    statements = [WtfcStatementFactory(exercise=exercise, person_key=key) for key in range(1, 8)]
    WtfcStatementFactory(exercise=exercise, person_key=1, kind="working", text="My PA is kind")
    client = client_as(person)
    base = {"programme_id": programme.pk, "exercise_id": exercise.pk}
    client.post(reverse("coassessment:wtfc_theme_add", kwargs=base), {"name": "Transport"})
    client.post(reverse("coassessment:wtfc_theme_add", kwargs=base), {"name": "Staff"})
    transport, staff = WtfcTheme.objects.get(name="Transport"), WtfcTheme.objects.get(name="Staff")
    for statement in statements[:6]:
        response = client.post(reverse("coassessment:wtfc_statement_theme", kwargs={**base, "statement_id": statement.pk}), {"theme": transport.pk})
        assert response.status_code == 302
    client.post(reverse("coassessment:wtfc_statement_theme", kwargs={**base, "statement_id": statements[6].pk}), {"theme": staff.pk})
    page = BeautifulSoup(client.get(reverse("coassessment:wtfc_results", kwargs=base)).content, "html.parser")
    rows = [[cell.get_text(" ", strip=True) for cell in row.select("th, td")] for row in page.select("tbody tr")]
    assert rows[0][:6] == ["1", "Transport", "6", "6", "0", "0"]
    # The exercise holds at least five people's reviews, so even a theme one person raised is counted and ranked.
    assert rows[1][:6] == ["2", "Staff", "1", "1", "0", "0"]
    assert "fewer than 5" not in page.select_one("table").get_text()
    assert "by team, by equality group or by date" in page.select_one("#counting-rule").get_text()


def test_the_ranked_themes_count_people_once_as_statements_move_in_and_out(client_as, person, programme):
    """The themes keep their counts as statements move: a person with two statements in a theme
    is one person, until both have left it."""
    exercise = WtfcExerciseFactory(programme=programme)
    first, second = (WtfcStatementFactory(exercise=exercise, person_key=1, kind=kind) for kind in ("not_working", "working"))
    others = [WtfcStatementFactory(exercise=exercise, person_key=key) for key in range(2, 7)]
    transport, staff = WtfcThemeFactory(exercise=exercise, name="Transport"), WtfcThemeFactory(exercise=exercise, name="Staff")
    client = client_as(person)
    base = {"programme_id": programme.pk, "exercise_id": exercise.pk}

    def move(statement, theme):
        url = reverse("coassessment:wtfc_statement_theme", kwargs={**base, "statement_id": statement.pk})
        assert client.post(url, {"theme": theme.pk if theme else ""}).status_code == 302

    def ranked():
        page = BeautifulSoup(client.get(reverse("coassessment:wtfc_results", kwargs=base)).content, "html.parser")
        summary = page.get_text(" ", strip=True)
        return [[cell.get_text(" ", strip=True) for cell in row.select("th, td")][1:6] for row in page.select("tbody tr")], summary

    for statement in (first, second, *others[:2]):
        move(statement, transport)
    move(others[2], staff)
    move(others[2], staff)  # moved where it already is: nothing changes
    rows, summary = ranked()
    # theme, people, not working, working, important for the future
    assert rows == [["Transport", "3", "3", "1", "0"], ["Staff", "1", "1", "0", "0"]]
    assert "2 of 7 statements are not in a theme yet" in summary
    move(first, staff)
    assert ranked()[0] == [["Transport", "3", "2", "1", "0"], ["Staff", "2", "2", "0", "0"]]
    move(second, None)
    rows, summary = ranked()
    assert rows == [["Staff", "2", "2", "0", "0"], ["Transport", "2", "2", "0", "0"]]  # a tie: by name
    assert "3 of 7 statements are not in a theme yet" in summary
    # The board pages through one theme's statements by its kept count.
    board = BeautifulSoup(client.get(reverse("coassessment:wtfc_detail", kwargs=base), {"theme": staff.pk}).content, "html.parser")
    assert len(board.select("[id^=statement-]")) == 2


def test_a_theme_from_another_exercise_cannot_be_used(client_as, person, programme):
    exercise = WtfcExerciseFactory(programme=programme)
    statement = WtfcStatementFactory(exercise=exercise)
    elsewhere = WtfcThemeFactory(exercise=WtfcExerciseFactory(programme=programme))
    url = reverse("coassessment:wtfc_statement_theme", kwargs={"programme_id": programme.pk, "exercise_id": exercise.pk, "statement_id": statement.pk})
    assert client_as(person).post(url, {"theme": elsewhere.pk}).status_code == 404
    statement.refresh_from_db()
    assert statement.theme_id is None


def test_the_top_theme_becomes_a_priority_that_remembers_how_many_people_raised_it(client_as, commissioner, programme):
    exercise = WtfcExerciseFactory(programme=programme)
    theme = WtfcThemeFactory(exercise=exercise, name="Weekends", i_statement="I want things to do at weekends")
    for key in range(1, 7):
        WtfcStatementFactory(exercise=exercise, person_key=key, theme=theme)
    client = client_as(commissioner)
    url = reverse("coassessment:wtfc_priorities", kwargs={"programme_id": programme.pk, "exercise_id": exercise.pk})
    assert client.post(url, {"themes": [theme.pk]}).status_code == 302
    priority = Priority.objects.get(programme=programme)
    assert priority.title == "I want things to do at weekends"
    assert "6 people's reviews" in priority.description
    assert priority.wtfc_link.people_count == 6
    assert list(priority.informed_by.all()) == [exercise.activity]
    detail = client.get(reverse("priorities:priority_detail", kwargs={"programme_id": programme.pk, "priority_id": priority.pk}))
    assert "Raised in 6 people's reviews" in BeautifulSoup(detail.content, "html.parser").get_text(" ", strip=True)


def test_the_practitioner_records_that_someone_said_no_and_the_person_sees_it(client_as, practitioner, person, team):
    from tests.careplans.factories import PersonFactory

    record = PersonFactory(user=person, team=team, practitioner=practitioner, review_statements_opt_out=True)
    edit = client_as(practitioner).get(reverse("careplans:person_edit", kwargs={"person_id": record.pk}))
    checkbox = BeautifulSoup(edit.content, "html.parser").find("input", attrs={"name": "review_statements_opt_out"})
    assert checkbox is not None and checkbox.has_attr("checked")
    own = client_as(person).get(reverse("careplans:person_detail", kwargs={"person_id": record.pk}))
    assert "You said no: nothing from your reviews is used to improve services." in BeautifulSoup(own.content, "html.parser").get_text(" ", strip=True)


def test_a_priority_page_can_show_the_people_count_without_another_query(programme, commissioner, django_assert_num_queries):
    from commissioning.priorities.selectors import priority_page_or_404, raised_in_reviews
    from tests.commissioning.coassessment.factories import WtfcPriorityFactory

    link = WtfcPriorityFactory(theme__exercise__programme=programme, people_count=7)
    plain = Priority.objects.create(programme=programme, title="Not from reviews", description="", proposed_by=link.created_by)
    fetched = priority_page_or_404(programme=programme, user=commissioner, priority_id=link.priority_id)
    plain = priority_page_or_404(programme=programme, user=commissioner, priority_id=plain.pk)
    with django_assert_num_queries(0):
        assert raised_in_reviews(priority=fetched).people_shown == "7"
        assert raised_in_reviews(priority=plain) is None