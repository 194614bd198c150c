"""Suggesting, discussing, supporting and shortlisting priorities and desired outcomes."""

from commissioning.models import ActivityKind, Decision
from commissioning.priorities.models import (
    Priority,
    PriorityComment,
    Shortlist,
    Support,
)
from coproduction.accounts.models import Role
from tests.commissioning.factories import ActivityFactory
from tests.commissioning.priorities.factories import PriorityFactory, SupportFactory
from tests.commissioning.priorities.pages import text, url
from tests.harness.bad_input import assert_bad_input


def test_a_member_suggests_a_priority_and_the_group_sees_it_with_their_name(client_as, users, programme):
    person = users[Role.PERSON]
    response = client_as(person).post(url("priority_propose", programme), {
        "kind": "outcome", "title": "I have things to do that I enjoy, near where I live", "description": "Gardening, near home.",
    }, follow=True)
    assert "is now on the list" in text(response)
    page = text(client_as(users[Role.CARER]).get(url("priority_list", programme)))
    assert "I have things to do that I enjoy, near where I live" in page
    assert f"Suggested by {person.display_name}" in page
    assert "Desired outcome" in page


def test_an_empty_suggestion_is_refused_with_the_other_answer_kept(client_as, users, programme):
    assert_bad_input(
        client_as(users[Role.PERSON]), url("priority_propose", programme),
        {"kind": "priority", "title": "", "description": "The centre shuts on Friday."},
        errors=["Enter your priority or outcome"], kept=["description"],
        unchanged=lambda: Priority.objects.count(),
    )
    assert_bad_input(
        client_as(users[Role.PERSON]), url("priority_propose", programme), {"title": "Weekends", "description": ""},
        errors=["Select whether it is a priority or a desired outcome", "Enter why it matters"], kept=["title"],
        unchanged=lambda: Priority.objects.count(),
    )


def test_someone_outside_the_group_cannot_suggest_support_or_comment(client_as, users, programme):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    outsider = client_as(users[Role.PROVIDER])
    assert outsider.post(url("priority_propose", programme), {"kind": "priority", "title": "X", "description": "Y"}).status_code == 404
    assert outsider.post(url("priority_support", programme, priority_id=priority.pk)).status_code == 404
    assert outsider.post(url("priority_comment", programme, priority_id=priority.pk), {"text": "Hello"}).status_code == 404
    assert not Support.objects.exists() and not PriorityComment.objects.exists()


def test_a_member_who_left_the_group_no_longer_sees_its_priorities(client_as, users, programme):
    programme.members.filter(user=users[Role.CARER]).update(left_on="2026-01-01")
    assert client_as(users[Role.CARER]).get(url("priority_list", programme)).status_code == 404


def test_comments_show_with_the_commenters_name(client_as, users, programme):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    carer = users[Role.CARER]
    client_as(carer).post(url("priority_comment", programme, priority_id=priority.pk), {"text": "Saturdays especially."})
    page = text(client_as(users[Role.PERSON]).get(url("priority_detail", programme, priority_id=priority.pk)))
    assert f"{carer.display_name}" in page and "Saturdays especially." in page
    assert "Comments (1)" in page


def test_an_empty_comment_is_refused(client_as, users, programme):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    assert_bad_input(
        client_as(users[Role.CARER]), url("priority_comment", programme, priority_id=priority.pk), {"text": "   "},
        errors=["Enter your comment"], unchanged=lambda: PriorityComment.objects.count(),
    )


def test_a_member_supports_a_priority_once_and_can_withdraw(client_as, users, programme):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    carer = client_as(users[Role.CARER])
    support = url("priority_support", programme, priority_id=priority.pk)
    carer.post(support)
    carer.post(support)  # a second click changes nothing
    SupportFactory(priority=priority, member=users[Role.PERSON])
    page = text(carer.get(url("priority_list", programme)))
    assert "2 members support this, including you" in page
    assert "Withdraw your support" in page
    carer.post(url("priority_support_withdraw", programme, priority_id=priority.pk))
    page = text(carer.get(url("priority_list", programme)))
    assert "1 member supports this" in page and "including you" not in page


def test_supporting_with_javascript_swaps_only_the_support_box(client_as, users, programme):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    response = client_as(users[Role.CARER]).post(url("priority_support", programme, priority_id=priority.pk), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response.text.strip().startswith(f'<div class="app-support" id="support-{priority.pk}">')
    assert "1 member supports this, including you" in text(response)


def test_after_supporting_without_javascript_the_member_returns_to_the_page_they_were_on(client_as, users, programme):
    priority = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    back = url("priority_list", programme) + "?page=1"
    response = client_as(users[Role.CARER]).post(url("priority_support", programme, priority_id=priority.pk), {"next": back})
    assert response.headers["Location"] == back
    elsewhere = client_as(users[Role.CARER]).post(url("priority_support", programme, priority_id=priority.pk), {"next": "https://evil.example/"})
    assert elsewhere.headers["Location"] == url("priority_detail", programme, priority_id=priority.pk)


def _ranks(priorities_and_places: dict, **extra) -> dict:
    data = {f"rank_{priority.pk}": place for priority, place in priorities_and_places.items()}
    return {"decided_by": "The co-production group, by consensus", "decided_on_0": "14", "decided_on_1": "10", "decided_on_2": "2026", **data, **extra}


def test_agreeing_the_shortlist_records_a_decision_informed_by_the_activity(client_as, users, programme):
    weekends = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="More to do at weekends")
    transport = PriorityFactory(programme=programme, proposed_by=users[Role.CARER], title="Transport on time")
    workshop = ActivityFactory(programme=programme, title="Workshop at the library")
    weekends.informed_by.add(workshop)
    SupportFactory(priority=weekends, member=users[Role.PERSON])
    SupportFactory(priority=weekends, member=users[Role.CARER])
    client = client_as(users[Role.COMMISSIONER])
    response = client.post(url("shortlist_agree", programme), _ranks({weekends: "1", transport: "2"}), follow=True)
    assert "recorded in the decisions log" in text(response)
    decision = Decision.objects.get(programme=programme)
    assert decision.decision.splitlines()[1:] == ["1. More to do at weekends", "2. Transport on time"]
    assert "More to do at weekends: supported by 2 members" in decision.evidence
    assert "Transport on time: supported by 0 members" in decision.evidence
    assert decision.decided_by == "The co-production group, by consensus"
    activity = decision.informed_by.get(kind=ActivityKind.PRIORITY_SETTING)
    assert activity.stage == programme.current_stage
    assert set(decision.informed_by.all()) == {activity, workshop}
    # The members who took part are the activity's participants.
    assert {member.user for member in activity.participants.all()} == {users[Role.PERSON], users[Role.CARER]}
    page = text(client_as(users[Role.PERSON]).get(url("priority_list", programme)))
    assert "The agreed shortlist" in page and "Shortlist place 1" in page


def test_agreeing_again_records_a_revision_and_never_changes_the_earlier_decision(client_as, users, programme):
    weekends = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="More to do at weekends")
    transport = PriorityFactory(programme=programme, proposed_by=users[Role.CARER], title="Transport on time")
    client = client_as(users[Role.COMMISSIONER])
    client.post(url("shortlist_agree", programme), _ranks({weekends: "1", transport: "2"}))
    first = Decision.objects.get()
    first_text = first.decision
    assert_bad_input(  # revising needs a reason
        client, url("shortlist_agree", programme), _ranks({weekends: "2", transport: "1"}),
        errors=["Enter why the shortlist has changed"], kept=["decided_by"], unchanged=lambda: Decision.objects.count(),
    )
    client.post(url("shortlist_agree", programme), _ranks({weekends: "2", transport: "1"}, revision_reason="The transport survey came back"))
    revision = Decision.objects.exclude(pk=first.pk).get()
    assert revision.revises == first and revision.revision_reason == "The transport survey came back"
    first.refresh_from_db()
    assert first.decision == first_text
    assert Shortlist.objects.count() == 2
    page = text(client.get(url("priority_list", programme)))
    assert "It replaced an earlier shortlist because: The transport survey came back" in page
    places = [entry.priority.title for entry in Shortlist.objects.latest().entries.all()]
    assert places == ["Transport on time", "More to do at weekends"]


def test_duplicate_places_in_the_shortlist_are_refused_with_a_clear_error(client_as, users, programme):
    weekends = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    transport = PriorityFactory(programme=programme, proposed_by=users[Role.CARER])
    response = assert_bad_input(
        client_as(users[Role.COMMISSIONER]), url("shortlist_agree", programme), _ranks({weekends: "1", transport: "1"}),
        errors=["Place 1 is given to more than one priority: give each priority its own place"],
        kept=[f"rank_{weekends.pk}", f"rank_{transport.pk}", "decided_by"], unchanged=lambda: (Decision.objects.count(), Shortlist.objects.count()),
    )
    assert response.context["form"].errors.keys() == {f"rank_{weekends.pk}", f"rank_{transport.pk}"}


def test_a_shortlist_with_gaps_or_nothing_chosen_is_refused(client_as, users, programme):
    weekends = PriorityFactory(programme=programme, proposed_by=users[Role.PERSON], title="Weekends")
    transport = PriorityFactory(programme=programme, proposed_by=users[Role.CARER])
    PriorityFactory(programme=programme, proposed_by=users[Role.CARER])
    client = client_as(users[Role.COMMISSIONER])
    unchanged = lambda: Decision.objects.count()  # noqa: E731
    assert_bad_input(client, url("shortlist_agree", programme), _ranks({weekends: "1", transport: "3"}),
                     errors=["Number the places from 1 with no gaps: nothing is in place 2"], unchanged=unchanged)
    assert_bad_input(client, url("shortlist_agree", programme), _ranks({weekends: "4"}),
                     errors=["The place for “Weekends” must be 3 or less"], unchanged=unchanged)
    assert_bad_input(client, url("shortlist_agree", programme), _ranks({weekends: "", transport: ""}),
                     errors=["Give at least one priority a place in the shortlist, starting at 1"], unchanged=unchanged)
    assert_bad_input(client, url("shortlist_agree", programme), _ranks({weekends: "first"}),
                     errors=["Enter the place for “Weekends” as a number, like 1"], unchanged=unchanged)


def test_members_cannot_record_the_shortlist(client_as, users, programme):
    PriorityFactory(programme=programme, proposed_by=users[Role.PERSON])
    assert client_as(users[Role.PERSON]).get(url("shortlist_agree", programme)).status_code == 403
    assert "Record the agreed shortlist" not in text(client_as(users[Role.PERSON]).get(url("priority_list", programme)))
