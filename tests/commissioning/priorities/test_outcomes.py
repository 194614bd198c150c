"""The outcomes framework: outcomes in people's own words, each with indicators."""

import csv
import io

from django.urls import reverse

from commissioning.priorities.models import Indicator, Outcome, OutcomeComment
from commissioning.priorities.services import shortlist_agree
from coproduction.accounts.models import Role
from tests.commissioning.priorities.factories import IndicatorFactory, OutcomeFactory, PriorityFactory
from tests.commissioning.priorities.pages import text, url
from tests.harness.bad_input import assert_bad_input


def test_a_commissioner_builds_the_framework_and_members_see_it(client_as, users, programme):
    client = client_as(users[Role.COMMISSIONER])
    response = client.post(url("outcome_add", programme), {"title": "I have things to do that I enjoy, near where I live", "description": ""})
    outcome = Outcome.objects.get(programme=programme)
    assert response.headers["Location"] == url("outcome_detail", programme, outcome_id=outcome.pk)
    client.post(url("indicator_add", programme, outcome_id=outcome.pk), {
        "name": "People who do something they enjoy each week", "how_measured": "A short Easy Read survey every 6 months",
        "who_measures": "People who use the service, in a peer survey", "data_source": "",
    })
    page = text(client_as(users[Role.PERSON]).get(url("outcome_list", programme)))
    assert "1. I have things to do that I enjoy, near where I live" in page
    assert "People who use the service, in a peer survey" in page
    assert "Not decided yet" in page  # no data source yet
    assert "Add an outcome" not in page


def test_an_indicator_without_how_or_who_is_refused(client_as, users, programme):
    outcome = OutcomeFactory(programme=programme)
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("indicator_add", programme, outcome_id=outcome.pk),
        {"name": "Journeys on time", "how_measured": "", "who_measures": "", "data_source": "Journey log"},
        errors=["Enter how it will be measured", "Enter who measures it"], kept=["name", "data_source"],
        unchanged=lambda: Indicator.objects.count(),
    )


def test_members_cannot_change_the_framework(client_as, users, programme):
    outcome = OutcomeFactory(programme=programme)
    indicator = IndicatorFactory(outcome=outcome)
    person = client_as(users[Role.PERSON])
    assert person.post(url("outcome_add", programme), {"title": "Mine"}).status_code == 403
    assert person.post(url("outcome_edit", programme, outcome_id=outcome.pk), {"title": "Changed", "position": "1"}).status_code == 403
    assert person.post(url("indicator_retire", programme, indicator_id=indicator.pk)).status_code == 403
    assert Outcome.objects.get().title == outcome.title and Indicator.objects.get().retired_on is None


def test_the_order_is_stable_and_a_retired_indicator_leaves_the_framework_but_is_kept(client_as, users, programme):
    second = OutcomeFactory(programme=programme, title="Second", position=2)
    first = OutcomeFactory(programme=programme, title="First", position=1)
    kept = IndicatorFactory(outcome=first, name="Kept", position=1)
    retired = IndicatorFactory(outcome=first, name="Retired", position=2)
    client = client_as(users[Role.COMMISSIONER])
    client.post(url("indicator_retire", programme, indicator_id=retired.pk), follow=True)  # shows the message
    page = text(client.get(url("outcome_list", programme)))
    assert page.index("1. First") < page.index("2. Second")
    assert "Kept" in page and "Retired" not in page
    assert Indicator.objects.filter(pk=retired.pk, retired_on__isnull=False).exists()
    client.post(url("outcome_edit", programme, outcome_id=second.pk), {"title": "Second", "description": "", "position": "0"})
    assert Outcome.objects.get(pk=second.pk).position == 2  # refused: places start at 1
    assert list(first.indicators.order_by("position", "pk")) == [kept, retired]


def test_members_comment_on_an_outcome(client_as, users, programme):
    outcome = OutcomeFactory(programme=programme)
    carer = users[Role.CARER]
    client_as(carer).post(url("outcome_comment", programme, outcome_id=outcome.pk), {"text": "Weekends too, please."})
    page = text(client_as(users[Role.PERSON]).get(url("outcome_detail", programme, outcome_id=outcome.pk)))
    assert carer.display_name in page and "Weekends too, please." in page
    assert_bad_input(
        client_as(carer), url("outcome_comment", programme, outcome_id=outcome.pk), {"text": ""},
        errors=["Enter your comment"], unchanged=lambda: OutcomeComment.objects.count(),
    )


def test_an_agreed_desired_outcome_joins_the_framework_with_what_informed_it(client_as, users, programme):
    desired = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], kind="outcome", title="I feel part of my community")
    plain = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="More to do at weekends")
    shortlist = shortlist_agree(programme=programme, ranked=[plain, desired], decided_by="The group", decided_on=programme.created_at.date(), by=users[Role.COMMISSIONER])
    client = client_as(users[Role.COMMISSIONER])
    page = text(client.get(url("outcome_list", programme)))
    assert "2. I feel part of my community" in page and "More to do at weekends" not in page
    assert client.post(url("outcome_from_priority", programme, priority_id=plain.pk)).status_code == 404  # not a desired outcome
    client.post(url("outcome_from_priority", programme, priority_id=desired.pk))
    outcome = Outcome.objects.get()
    assert outcome.title == "I feel part of my community" and outcome.from_priority == desired
    assert list(outcome.informed_by.all()) == [shortlist.activity]
    assert client.post(url("outcome_from_priority", programme, priority_id=desired.pk)).status_code == 404  # only once
    assert "not yet in the framework" not in text(client.get(url("outcome_list", programme)))


def test_the_framework_downloads_as_csv_for_members(client_as, users, programme):
    outcome = OutcomeFactory(programme=programme, title="I can get there on time")
    IndicatorFactory(outcome=outcome, name="=Journeys on time", who_measures="The transport provider")
    OutcomeFactory(programme=programme, title="No indicators yet")
    response = client_as(users[Role.CARER]).get(url("outcome_framework_csv", programme))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Outcome", "What it means", "Indicator"]
    assert rows[1][0] == "I can get there on time" and rows[1][2] == "'=Journeys on time"  # never a formula
    assert rows[2][0] == "No indicators yet"
    assert client_as(users[Role.PROVIDER]).get(url("outcome_framework_csv", programme)).status_code == 404


def test_an_outcome_from_another_programme_is_not_found(client_as, users, programme):
    elsewhere = OutcomeFactory()
    url = reverse("priorities:outcome_detail", kwargs={"programme_id": programme.pk, "outcome_id": elsewhere.pk})
    assert client_as(users[Role.COMMISSIONER]).get(url).status_code == 404
