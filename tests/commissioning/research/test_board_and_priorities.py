"""Peer research findings on the Working Together for Change theming board, beside what people said
at their reviews, and the priorities that rest on them: each priority's page names its findings."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.research import services
from commissioning.research.models import Finding
from tests.commissioning.coassessment.factories import WtfcExerciseFactory, WtfcThemeFactory
from tests.commissioning.priorities.factories import PriorityFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


@pytest.fixture
def finding(programme, commissioner, person):
    project = services.project_create(programme=programme, title="What makes a good day", purpose="Hear people first.", by=commissioner)
    return services.finding_add(project=project, theme="Getting out and about", i_statement="I can get where I want to go",
                                summary="Transport decides it.", interviews=[], citations=[], allowed_citations={}, by=person)


@pytest.fixture
def exercise(programme, commissioner):
    return WtfcExerciseFactory(programme=programme, created_by=commissioner)


def _text(response) -> str:
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def _board(exercise) -> str:
    return reverse("coassessment:wtfc_detail", kwargs={"programme_id": exercise.programme_id, "exercise_id": exercise.pk})


def test_the_group_puts_a_finding_in_a_theme_on_the_theming_board(client_as, person, finding, exercise):
    theme = WtfcThemeFactory(exercise=exercise, name="Getting out at weekends")
    client = client_as(person)
    board = _text(client.get(_board(exercise)))
    assert "What peer researchers found" in board and "Getting out and about : “I can get where I want to go”" in board
    assert "Not in a theme yet" in board
    url = reverse("research:finding_theme", kwargs={"programme_id": exercise.programme_id, "finding_id": finding.pk})
    response = client.post(url, {"theme": theme.pk, "exercise": exercise.pk})
    assert response.headers["Location"] == _board(exercise) + "#research-findings"
    finding.refresh_from_db()
    assert finding.wtfc_theme == theme
    page = BeautifulSoup(client.get(_board(exercise)).content, "html.parser")
    assert " ".join(page.select_one(f"#research-finding-{finding.pk}").get_text().split()).startswith(
        "Getting out and about: “I can get where I want to go” (from “What makes a good day”) In the theme “Getting out at weekends”")
    client.post(url, {"theme": "", "exercise": exercise.pk})
    finding.refresh_from_db()
    assert finding.wtfc_theme is None


def test_a_theme_of_another_programme_is_not_found(client_as, person, finding, commissioner):
    elsewhere = WtfcThemeFactory(exercise=WtfcExerciseFactory(created_by=commissioner))
    url = reverse("research:finding_theme", kwargs={"programme_id": finding.project.programme_id, "finding_id": finding.pk})
    assert client_as(person).post(url, {"theme": elsewhere.pk}).status_code == 404
    assert Finding.objects.get().wtfc_theme is None


def test_someone_outside_the_group_neither_sees_nor_moves_findings(client_as, provider, finding, exercise):
    theme = WtfcThemeFactory(exercise=exercise)
    url = reverse("research:finding_theme", kwargs={"programme_id": exercise.programme_id, "finding_id": finding.pk})
    assert client_as(provider).post(url, {"theme": theme.pk}).status_code == 404
    assert Finding.objects.get().wtfc_theme is None


def test_a_priority_names_the_findings_it_rests_on_and_shows_them(client_as, programme, person, finding):
    priority = PriorityFactory(programme=programme, proposed_by=person, title="More to do at weekends")
    detail = reverse("priorities:priority_detail", kwargs={"programme_id": programme.pk, "priority_id": priority.pk})
    client = client_as(person)
    assert "No peer research findings named yet." in _text(client.get(detail))
    url = reverse("research:priority_findings", kwargs={"programme_id": programme.pk, "priority_id": priority.pk})
    response = client.post(url, {"findings": [finding.pk]})
    assert response.headers["Location"] == detail + "#research-findings"
    page = _text(client.get(detail))
    assert "Peer research it rests on" in page and "Getting out and about : “I can get where I want to go”" in page
    assert list(priority.research_findings.all()) == [finding]
    client.post(url, {})  # none selected: taken off
    assert not priority.research_findings.exists()


def test_bad_input_on_the_priority_findings_form_keeps_what_was_there(client_as, programme, person, finding):
    priority = PriorityFactory(programme=programme, proposed_by=person)
    services.priority_findings_set(priority=priority, findings=[finding], by=person)
    url = reverse("research:priority_findings", kwargs={"programme_id": programme.pk, "priority_id": priority.pk})
    assert_bad_input(client_as(person), url, {"findings": ["999999"]}, errors=["Select findings from the list"],
                     unchanged=lambda: list(priority.research_findings.values_list("pk", flat=True)))


BOARD_BUDGET, PRIORITY_BUDGET = 6, 6


def test_the_board_and_the_priority_cost_the_same_with_ten_times_the_findings(client_as, programme, person, commissioner, finding, exercise):
    WtfcThemeFactory(exercise=exercise)
    priority = PriorityFactory(programme=programme, proposed_by=person)
    client = client_as(person)

    def grow():
        findings = [services.finding_add(project=finding.project, theme=f"Theme {n}", i_statement="I", summary="S.", interviews=[],
                                         citations=[], allowed_citations={}, by=person) for n in range(10)]
        services.priority_findings_set(priority=priority, findings=findings, by=person)

    detail = reverse("priorities:priority_detail", kwargs={"programme_id": programme.pk, "priority_id": priority.pk})
    # The findings panel adds one query to each page, whatever the number of findings.
    assert_fixed_queries(lambda: client.get(_board(exercise)), budget=BOARD_BUDGET, grow=grow)
    assert_fixed_queries(lambda: client.get(detail), budget=PRIORITY_BUDGET, grow=grow)
