"""Query budgets for the peer research pages, the same after the data grows tenfold."""

import datetime

from django.urls import reverse

from commissioning.research import services
from tests.harness.queries import assert_fixed_queries


def _grow(project, person, times):
    for _ in range(times):
        interview = services.interview_record(project=project, held_on=datetime.date(2026, 5, 4), consent_given=True,
                                              words="It works well.", by=person)
        services.finding_add(project=project, theme="Transport", i_statement="I get about", summary="Buses.", interviews=[interview],
                             citations=[], allowed_citations={}, by=person)


def test_the_research_pages_cost_the_same_with_ten_times_the_projects_interviews_and_findings(client_as, programme, commissioner, person):
    project = services.project_create(programme=programme, title="Good days", purpose="Hear people.", by=commissioner)
    _grow(project, person, 1)
    client = client_as(person)

    def more_projects():
        for _ in range(10):
            _grow(services.project_create(programme=programme, title="More", purpose="More.", by=commissioner), person, 1)

    assert_fixed_queries(lambda: client.get(reverse("research:project_list", args=[programme.pk])), budget=3, grow=more_projects)
    url = reverse("research:project_detail", args=[programme.pk, project.pk])
    # the programme, the group check, the project, questions, interviews, findings, their citations
    assert_fixed_queries(lambda: client.get(url), budget=7, grow=lambda: _grow(project, person, 10))
