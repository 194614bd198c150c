"""Surveys: written by commissioners, answered by members or by a link without signing in,
results counted in the database and hidden until enough people answered; focus group themes."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.coassessment.models import (
    FocusGroup,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
)
from commissioning.models import ActivityKind
from tests.commissioning.coassessment.factories import (
    SurveyAnswerFactory,
    SurveyFactory,
    SurveyQuestionFactory,
    SurveyResponseFactory,
)
from tests.harness.bad_input import assert_bad_input


def _text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def survey(programme):
    survey = SurveyFactory(programme=programme, status=Survey.Status.OPEN, shared_by_link=True)
    SurveyQuestionFactory(survey=survey, kind="radios", text="How do you get there?", options=["Bus", "Taxi", "Walk"])
    SurveyQuestionFactory(survey=survey, kind="scale", text="How good is it?", options=[])
    SurveyQuestionFactory(survey=survey, kind="long_text", text="What would you change?", options=[], required=False)
    return survey


def _answers(survey, **values) -> dict:
    questions = {question.kind: question for question in survey.questions.all()}
    return {f"q{questions[kind].pk}": value for kind, value in values.items()}


def test_a_commissioner_writes_a_survey_with_gov_uk_question_types_and_opens_it(client_as, commissioner, programme):
    client = client_as(commissioner)
    client.post(reverse("coassessment:survey_add", kwargs={"programme_id": programme.pk}), {"title": "Your day service", "anonymous": "yes", "shared_by_link": "on"})
    survey = Survey.objects.get()
    assert survey.activity.kind == ActivityKind.SURVEY and survey.anonymous and len(survey.share_token) >= 30
    base = {"programme_id": programme.pk, "survey_id": survey.pk}
    for kind in ("radios", "checkboxes"):
        client.post(reverse("coassessment:survey_question_add", kwargs=base), {"kind": kind, "text": f"A {kind} question", "options": "Yes\nNo\n", "required": "on"})
    for kind in ("short_text", "long_text", "scale"):
        client.post(reverse("coassessment:survey_question_add", kwargs=base), {"kind": kind, "text": f"A {kind} question"})
    assert list(survey.questions.values_list("kind", flat=True)) == ["radios", "checkboxes", "short_text", "long_text", "scale"]
    client.post(reverse("coassessment:survey_open", kwargs=base))
    survey.refresh_from_db()
    assert survey.is_open
    page = _text(client.get(reverse("coassessment:survey_detail", kwargs=base)))
    assert survey.share_token in page


def test_a_choice_question_needs_two_different_answers(client_as, commissioner, programme):
    survey = SurveyFactory(programme=programme)
    url = reverse("coassessment:survey_question_add", kwargs={"programme_id": programme.pk, "survey_id": survey.pk})
    assert_bad_input(
        client_as(commissioner), url, {"kind": "radios", "text": "Which day?", "options": "Monday"},
        errors=["Enter at least 2 answers to choose from, one on each line"], kept=["text", "options"],
        unchanged=lambda: SurveyQuestion.objects.count(),
    )


def test_anyone_with_the_link_answers_without_signing_in_and_nothing_says_who(client, survey):
    url = reverse("coassessment:survey_public", kwargs={"token": survey.share_token})
    assert client.get(url).status_code == 200
    response = client.post(url, _answers(survey, radios="Bus", scale="4", long_text="More trips out"))
    assert response.status_code == 302
    answer = SurveyResponse.objects.get()
    assert answer.respondent is None
    assert set(SurveyAnswer.objects.values_list("option", "number", "text")) == {("Bus", None, ""), ("", 4, ""), ("", None, "More trips out")}
    assert client.get(reverse("coassessment:survey_public", kwargs={"token": "not-the-token"})).status_code == 404


def test_a_link_stops_working_when_the_survey_closes(client, survey):
    survey.status = Survey.Status.CLOSED
    survey.save()
    assert client.get(reverse("coassessment:survey_public", kwargs={"token": survey.share_token})).status_code == 404


def test_a_missing_answer_is_explained_and_the_other_answers_are_kept(client, survey):
    url = reverse("coassessment:survey_public", kwargs={"token": survey.share_token})
    data = _answers(survey, long_text="More trips out", scale="9")
    response = assert_bad_input(
        client, url, data, errors=["Select an answer to “How do you get there?”", "Select a number from 1 to 5 for “How good is it?”"],
        kept=[name for name in data if data[name] == "More trips out"], unchanged=lambda: SurveyResponse.objects.count(),
    )
    assert response.status_code == 200


def test_a_member_answers_once_and_an_anonymous_answer_is_not_kept_with_their_name(client_as, person, survey, programme):
    client = client_as(person)
    url = reverse("coassessment:survey_answer", kwargs={"programme_id": programme.pk, "survey_id": survey.pk})
    client.post(url, _answers(survey, radios="Walk", scale="5"))
    assert SurveyResponse.objects.get().respondent is None
    assert survey.participations.filter(user=person).exists()
    assert client.get(url).status_code == 302  # already answered: back to the survey
    client.post(url, _answers(survey, radios="Taxi", scale="1"))
    assert SurveyResponse.objects.count() == 1


def test_results_wait_for_five_answers_and_hide_small_counts(client_as, carer, survey, programme):
    radios = survey.questions.get(kind="radios")
    url = reverse("coassessment:survey_results", kwargs={"programme_id": programme.pk, "survey_id": survey.pk})
    for _ in range(4):
        SurveyAnswerFactory(response=SurveyResponseFactory(survey=survey), question=radios, option="Bus")
    page = _text(client_as(carer).get(url))
    assert "Results show once at least 5 people have answered" in page and "Bus" not in page
    for option in ["Bus", "Bus", "Taxi"]:
        SurveyAnswerFactory(response=SurveyResponseFactory(survey=survey), question=radios, option=option)
    soup = BeautifulSoup(client_as(carer).get(url).content, "html.parser")
    rows = {row.th.get_text(strip=True): row.td.get_text(strip=True) for row in soup.select("tbody tr")}
    assert rows == {"Bus": "6", "Taxi": "fewer than 5", "Walk": "0", **{str(n): "0" for n in range(1, 6)}}


def test_focus_group_themes_are_recorded_with_how_many_people_said_them(client_as, commissioner, person, programme):
    client = client_as(commissioner)
    client.post(reverse("coassessment:focus_group_add", kwargs={"programme_id": programme.pk}), {
        "title": "Tuesday group at the Hub", "held_on_0": "3", "held_on_1": "9", "held_on_2": "2026", "people_count": "9",
    })
    group = FocusGroup.objects.get()
    assert group.activity.kind == ActivityKind.FOCUS_GROUP and group.activity.others_taking_part == 9
    url = reverse("coassessment:focus_group_detail", kwargs={"programme_id": programme.pk, "focus_group_id": group.pk})
    client.post(url, {"theme": "Transport home", "people_count": "6", "what_people_said": "The bus leaves too early"})
    assert_bad_input(client, url, {"theme": "Too many", "people_count": "12"},
                     errors=["No more than the 9 people at the focus group can have said it"], kept=["theme"],
                     unchanged=lambda: group.themes.count())
    page = _text(client_as(person).get(url))
    assert "Transport home" in page and "The bus leaves too early" in page
    assert client_as(person).post(url, {"theme": "Sneaky", "people_count": "1"}).status_code == 403
