"""Co-production activities on the stage page, and the decisions log with its revisions."""

import datetime

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.participants import activity_participants_add
from commissioning.models import Activity, Decision
from commissioning.sections import ACTIVITY_LINKS, ActivityLink, register_activity_link
from coproduction.accounts.models import Role
from tests.commissioning.factories import (
    ActivityFactory,
    DecisionFactory,
    GroupMemberFactory,
    ProgrammeFactory,
    stage_of,
)
from tests.harness.auth import login_as
from tests.harness.bad_input import assert_bad_input


def url(name: str, programme, **kwargs) -> str:
    return reverse(f"commissioning:{name}", kwargs={"programme_id": programme.pk, **kwargs})


def decision_data(programme, **changes) -> dict:
    data = {
        "stage": programme.current_stage_id, "title": "Open at weekends", "decision": "Day opportunities will open on Saturdays.",
        "decided_by": "The co-production group, by consensus", "decided_on_0": "3", "decided_on_1": "3", "decided_on_2": "2027",
        "evidence": "Twelve of fourteen people said weekends were hardest.",
    }
    return {**data, **changes}


def test_a_commissioner_records_an_activity_with_who_took_part(client_as, users, programme, person_member):
    left = GroupMemberFactory(programme=programme, left_on="2026-01-01")
    client = client_as(users[Role.COMMISSIONER])
    form = client.get(url("activity_add", programme)).text
    assert users[Role.PERSON].full_name in form and left.user.full_name not in form  # current members only
    response = client.post(url("activity_add", programme), {
        "stage": programme.current_stage_id, "kind": "focus_group", "title": "Focus group at the library",
        "happened_on_0": "12", "happened_on_1": "10", "happened_on_2": "2026", "summary": "We asked what a good day is.",
        "ladder_rung": "6", "participants": [person_member.pk], "others_taking_part": "8",
    }, follow=True)
    activity = Activity.objects.get(title="Focus group at the library")
    assert list(activity.participants.all()) == [person_member] and activity.others_taking_part == 8
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
    assert f"{users[Role.PERSON].full_name}; and 8 other people" in text
    assert "12 October 2026" in text and "Co-designing (step 6 of 7" in text


def test_an_activity_without_a_date_is_planned(client_as, users, programme):
    activity = ActivityFactory(programme=programme, happened_on=None, title="Drop-in at the market")
    text = client_as(users[Role.PERSON]).get(url("stage_detail", programme, stage_id=activity.stage_id)).text
    assert "Planned, no date yet" in text


def test_an_activity_needs_a_title_and_a_sensible_number_of_others(client_as, users, programme):
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("activity_add", programme),
        {"stage": programme.current_stage_id, "kind": "workshop", "title": "", "summary": "Keep this", "ladder_rung": "7", "others_taking_part": "-3"},
        errors=["Enter a title", "The number of other people must be 0 or more"], kept=["summary"],
        unchanged=lambda: Activity.objects.count(),
    )


def test_someone_from_another_group_cannot_be_recorded_as_taking_part(client_as, users, programme):
    stranger = GroupMemberFactory()
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("activity_add", programme),
        {"stage": programme.current_stage_id, "kind": "workshop", "title": "Workshop", "ladder_rung": "7",
         "others_taking_part": "0", "participants": [stranger.pk]},
        errors=["Select people who are in the group now"], kept=["title"], unchanged=lambda: Activity.objects.count(),
    )


def test_a_commissioner_changes_an_activity_and_moves_it_to_another_stage(client_as, users, programme, person_member):
    activity = ActivityFactory(programme=programme)
    activity_participants_add(activity=activity, members=[person_member])
    person_member.left_on = "2026-02-01"  # left since: still shown as having taken part
    person_member.save()
    second = stage_of(programme, 2)
    client = client_as(users[Role.COMMISSIONER])
    form = client.get(url("activity_edit", programme, activity_id=activity.pk)).text
    assert users[Role.PERSON].full_name in form
    client.post(url("activity_edit", programme, activity_id=activity.pk), {
        "stage": second.pk, "kind": "workshop", "title": "Renamed workshop", "ladder_rung": "5",
        "participants": [person_member.pk], "others_taking_part": "3",
    })
    activity.refresh_from_db()
    assert (activity.stage, activity.title, activity.ladder_rung, activity.others_taking_part) == (second, "Renamed workshop", 5, 3)
    page = client.get(url("stage_detail", programme, stage_id=second.pk)).text
    assert f"{users[Role.PERSON].full_name} (has left the group)" in page


def test_an_activity_links_to_the_page_of_the_record_that_owns_it(client_as, users, programme, monkeypatch):
    # A stand-in owner: any one-to-one from another app works the same way. "recorded_by" is a
    # forward key, which select_related joins just as it does a reverse one-to-one.
    monkeypatch.setitem(ACTIVITY_LINKS, "recorded_by", ActivityLink(lambda owner: f"/owned-by/{owner.pk}/", "commissioning.view_programme",
                                                                    lambda owner: programme))
    activity = ActivityFactory(programme=programme)
    text = client_as(users[Role.PERSON]).get(url("stage_detail", programme, stage_id=activity.stage_id)).text
    assert f'href="/owned-by/{activity.recorded_by_id}/"' in text
    assert register_activity_link  # the registry other apps use


def test_a_commissioner_records_a_decision_informed_by_activities(client_as, users, programme):
    activity = ActivityFactory(programme=programme, title="Workshop at the day centre")
    client = client_as(users[Role.COMMISSIONER])
    response = client.post(url("decision_add", programme), decision_data(programme, informed_by=[activity.pk]), follow=True)
    decision = Decision.objects.get()
    assert list(decision.informed_by.all()) == [activity]
    assert decision.decided_on == datetime.date(2027, 3, 3) and decision.recorded_by == users[Role.COMMISSIONER]
    assert "Workshop at the day centre" in response.text and f"#activity-{activity.pk}" in response.text


def test_a_decision_needs_what_was_decided_and_who_decided(client_as, users, programme):
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("decision_add", programme), decision_data(programme, decision="", decided_by=""),
        errors=["Enter what was decided", "Enter who decided"], kept=["title", "evidence"], unchanged=lambda: Decision.objects.count(),
    )


def test_a_revised_decision_shows_both_ends_of_the_chain(client_as, users, programme):
    old = DecisionFactory(programme=programme, title="Open on Saturdays", decided_on=datetime.date(2026, 11, 1))
    client = client_as(users[Role.COMMISSIONER])
    client.post(url("decision_revise", programme, decision_id=old.pk), decision_data(
        programme, title="Open at weekends", reason="Carers asked for Sundays too.",
    ))
    new = Decision.objects.get(revises=old)
    assert new.revision_reason == "Carers asked for Sundays too."
    old.refresh_from_db()
    assert old.title == "Open on Saturdays"  # nothing edited away
    page = BeautifulSoup(client_as(users[Role.PERSON]).get(url("decision_list", programme)).content, "html.parser")
    log = " ".join(page.get_text().split())
    assert "Revised on 3 March 2027: see “Open at weekends”" in log
    assert "This replaces “Open on Saturdays” (decided on 1 November 2026) because Carers asked for Sundays too." in log
    assert [heading.get_text(strip=True) for heading in page.select("h2 a")] == ["Open at weekends", "Open on Saturdays"]


def test_revising_a_decision_needs_a_reason(client_as, users, programme):
    old = DecisionFactory(programme=programme)
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("decision_revise", programme, decision_id=old.pk),
        decision_data(programme, reason=""), errors=["Enter why the decision is being revised"], kept=["title", "evidence"],
        unchanged=lambda: Decision.objects.count(),
    )


def test_a_decision_already_revised_cannot_be_revised_again(client_as, users, programme):
    old = DecisionFactory(programme=programme)
    newer = DecisionFactory(programme=programme, revises=old, revision_reason="New evidence", title="The newer one")
    client = client_as(users[Role.COMMISSIONER])
    page = client.get(url("decision_revise", programme, decision_id=old.pk)).text
    assert "revise the newest decision" in page and url("decision_detail", programme, decision_id=newer.pk) in page
    assert_bad_input(
        client, url("decision_revise", programme, decision_id=old.pk), decision_data(programme, reason="Changed again"),
        errors=["This decision has already been revised. Revise the newest decision instead."],
        unchanged=lambda: Decision.objects.count(),
    )


def test_the_log_filters_by_stage(client_as, users, programme):
    DecisionFactory(programme=programme, title="In the first stage")
    DecisionFactory(programme=programme, title="In the second stage", stage=stage_of(programme, 2))
    text = client_as(users[Role.PERSON]).get(url("decision_list", programme), {"stage": stage_of(programme, 2).pk}).text
    assert "In the second stage" in text and "In the first stage" not in text


def test_members_cannot_record_decisions(client_as, users, programme):
    assert client_as(users[Role.PERSON]).post(url("decision_add", programme), decision_data(programme)).status_code == 403
    assert not Decision.objects.exists()


def test_another_programmes_activity_cannot_inform_a_decision(client_as, users, programme):
    ActivityFactory(programme=programme)
    stranger = ActivityFactory()
    assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("decision_add", programme), decision_data(programme, informed_by=[stranger.pk]),
        errors=["Select activities from this programme"], kept=["title"], unchanged=lambda: Decision.objects.count(),
    )


def test_a_funded_idea_can_be_followed_from_its_decision_to_the_specification(client, users):
    """Anyone who may read the decisions log sees where a decision came from and where it went."""
    from tests.commissioning.budgeting.factories import ProposalFactory
    from tests.commissioning.specifications.factories import SpecificationFactory

    programme = ProgrammeFactory(lead=users[Role.COMMISSIONER])
    GroupMemberFactory(programme=programme, user=users[Role.PERSON])
    decision = DecisionFactory(programme=programme, title="Fund the allotment club")
    proposal = ProposalFactory(pot__round__programme=programme, title="Allotment club", decision=decision)
    specification = SpecificationFactory(programme=programme, title="Allotment club service", decision=decision)
    login_as(client, users[Role.PERSON])
    page = client.get(reverse("commissioning:decision_detail", kwargs={"programme_id": programme.pk, "decision_id": decision.pk}))
    links = {a.get_text(strip=True): a["href"] for a in BeautifulSoup(page.content, "html.parser").select("main ul a")}
    assert links["Allotment club"] == reverse("budgeting:proposal_detail", kwargs={
        "programme_id": programme.pk, "round_id": proposal.round_id, "proposal_id": proposal.pk,
    })
    assert links["Allotment club service"] == reverse("specifications:specification_detail", kwargs={
        "programme_id": programme.pk, "specification_id": specification.pk,
    })
