"""The demo shows the review part: a WTfC exercise whose top theme became a priority in the day
opportunities programme, a finished survey, focus-group themes and complaints patterns."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse

from commissioning.coassessment.demo import EXERCISE_TITLE, SURVEY_TITLE
from commissioning.coassessment.models import Survey, WtfcExercise, WtfcPriority
from commissioning.demo import DAY_OPPORTUNITIES
from coproduction.accounts.models import User
from tests.harness.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_the_demo_shows_working_together_for_change_and_a_finished_survey(client_as):
    seed_demo()
    call_command("seed_demo", verbosity=0)  # idempotent
    exercise = WtfcExercise.objects.get(title=EXERCISE_TITLE, programme__title=DAY_OPPORTUNITIES)
    assert exercise.people_count >= 5
    link = WtfcPriority.objects.get(theme__exercise=exercise)
    assert link.theme.name == "Things to do at weekends" and link.people_count >= 5
    survey = Survey.objects.get(title=SURVEY_TITLE)
    assert survey.status == Survey.Status.CLOSED and survey.responses.count() >= 5
    person = User.objects.get(email="person@demo.example")
    client = client_as(person)
    results = client.get(reverse("coassessment:wtfc_results", kwargs={"programme_id": exercise.programme_id, "exercise_id": exercise.pk}))
    text = BeautifulSoup(results.content, "html.parser").get_text(" ", strip=True)
    assert "Things to do at weekends" in text and "Gracie" not in text and "Grace Adebayo" not in text
    survey_page = client.get(reverse("coassessment:survey_results", kwargs={"programme_id": survey.programme_id, "survey_id": survey.pk}))
    assert "Weekend activities" in survey_page.content.decode()
