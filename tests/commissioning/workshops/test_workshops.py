from bs4 import BeautifulSoup
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from commissioning.models import Activity, ActivityKind
from commissioning.sections import activity_url
from commissioning.workshops.models import Access, Idea, Invitation, Workshop
from coproduction.audit.models import AuditEvent
from tests.commissioning.priorities.factories import OutcomeFactory, PriorityFactory
from tests.commissioning.specifications.factories import SpecificationFactory
from tests.commissioning.workshops.factories import (
    IdeaFactory,
    InvitationFactory,
    WorkshopFactory,
    days_from_today,
)
from tests.harness.auth import login_as
from tests.harness.bad_input import assert_bad_input


def url(name: str, workshop: Workshop, **extra) -> str:
    return reverse(f"workshops:{name}", kwargs={"programme_id": workshop.programme_id, "workshop_id": workshop.pk, **extra})


def on(day: datetime.date, prefix: str = "date") -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def workshop_data(programme, **changes) -> dict:
    data = {
        "kind": "community_conversation",
        "title": "Tea and a chat about day services",
        "purpose": "To hear what people want from a day out, over a cup of tea.",
        "stage": programme.current_stage_id,
        **on(days_from_today(10)),
        "starts_at": "2pm",
        "ends_at": "3:30pm",
        "format": "face_to_face",
        "place": "The Hub café, Market Street",
        "why_this_place": "People already meet there on Thursday afternoons.",
        "joining_instructions": "",
        "arrangements": [Access.STEP_FREE, Access.QUIET_SPACE],
        "other_arrangements": "",
        "capacity": "",
    }
    data.update(changes)
    return data


# Planning an event ------------------------------------------------------------------------


def test_an_organiser_plans_an_event_and_its_activity_is_recorded_with_it(client, commissioner, programme):
    login_as(client, commissioner)
    response = client.post(reverse("workshops:workshop_add", kwargs={"programme_id": programme.pk}), workshop_data(programme))
    workshop = Workshop.objects.get(programme=programme)
    assert response.status_code == 302 and response["Location"] == url("workshop_detail", workshop)
    assert (workshop.starts_at, workshop.ends_at) == (datetime.time(14, 0), datetime.time(15, 30))
    assert workshop.times == "2pm to 3:30pm"
    activity = workshop.activity
    assert (activity.kind, activity.title, activity.stage_id) == (ActivityKind.COMMUNITY_CONVERSATION, workshop.title, programme.current_stage_id)
    assert activity.happened_on is None  # still planned
    assert activity_url(activity, commissioner) == url("workshop_detail", workshop)
    page = client.get(url("workshop_detail", workshop)).content.decode()
    assert "People already meet there on Thursday afternoons." in page
    assert "A quiet space" in page and "Step-free access" in page


def test_changing_an_event_changes_its_activity_too(client, commissioner, programme, workshop):
    later_stage = programme.stages.get(position=4)
    login_as(client, commissioner)
    client.post(url("workshop_edit", workshop), workshop_data(programme, title="Trying out the timetable", kind="prototyping", stage=later_stage.pk))
    activity = Activity.objects.get(pk=workshop.activity_id)
    assert (activity.title, activity.kind, activity.stage_id) == ("Trying out the timetable", "prototyping", later_stage.pk)


@pytest.mark.parametrize(
    "changes, error",
    [
        ({"starts_at": "3pm", "ends_at": "2pm"}, "The end time must be after the start time"),
        ({"starts_at": "3pm", "ends_at": "3pm"}, "The end time must be after the start time"),
        ({"format": "online", "joining_instructions": ""}, "Enter how to join the event online"),
        ({"place": ""}, "Enter where the event is"),
        ({"starts_at": "teatime"}, "Enter the start time like 10am, 2:30pm or 14:30"),
        ({"title": ""}, "Enter the name of the event"),
        ({"date_1": "13"}, "Date must be a real date"),
    ],
)
def test_a_bad_event_is_not_saved_and_the_answers_are_kept(client, commissioner, programme, changes, error):
    login_as(client, commissioner)
    data = workshop_data(programme, **changes)
    assert_bad_input(
        client, reverse("workshops:workshop_add", kwargs={"programme_id": programme.pk}),
        data, errors=[error], kept=[name for name in ("title", "purpose", "why_this_place", "starts_at") if data[name]],
        unchanged=lambda: (Workshop.objects.count(), Activity.objects.count()),
    )


def test_an_online_event_keeps_no_street_address(client, commissioner, programme):
    login_as(client, commissioner)
    client.post(
        reverse("workshops:workshop_add", kwargs={"programme_id": programme.pk}),
        workshop_data(programme, format="online", joining_instructions="https://meet.example/abc, or phone 0123 456 789"),
    )
    assert Workshop.objects.get().place == ""


def test_members_cannot_plan_events(client, person, programme):
    login_as(client, person)
    response = client.post(reverse("workshops:workshop_add", kwargs={"programme_id": programme.pk}), workshop_data(programme))
    assert response.status_code == 403
    assert not Workshop.objects.exists()


# Invitations and replies ------------------------------------------------------------------


def test_an_organiser_invites_members_and_they_see_it_in_their_invitations(client, commissioner, carer, programme, workshop, carer_member):
    login_as(client, commissioner)
    sent = timezone.localdate() - datetime.timedelta(days=1)
    client.post(url("invite", workshop), {"members": [carer_member.pk], **on(sent, "sent_on")})
    invitation = Invitation.objects.get(workshop=workshop)
    assert (invitation.member, invitation.sent_on, invitation.invited_by) == (carer_member, sent, commissioner)
    login_as(client, carer)
    page = client.get(reverse("workshops:my_invitations")).content.decode()
    assert workshop.title in page
    home = client.get(reverse("accounts:role_home", kwargs={"role": "carer"})).content.decode()
    assert "Workshops and events you are invited to" in home and workshop.title in home


def test_inviting_nobody_or_with_a_future_date_is_refused(client, commissioner, workshop, carer_member):
    login_as(client, commissioner)
    assert_bad_input(client, url("invite", workshop), on(timezone.localdate(), "sent_on"), errors=["Select at least one person to invite"], unchanged=Invitation.objects.count)
    assert_bad_input(
        client, url("invite", workshop), {"members": [carer_member.pk], **on(days_from_today(3), "sent_on")},
        errors=["The date you sent the invitations must be today or in the past"], unchanged=Invitation.objects.count,
    )


def test_only_current_members_can_be_invited(client, commissioner, workshop):
    from tests.commissioning.factories import GroupMemberFactory

    former = GroupMemberFactory(programme=workshop.programme, left_on=timezone.localdate())
    stranger = GroupMemberFactory()  # another programme's member
    login_as(client, commissioner)
    for member in (former, stranger):
        assert_bad_input(
            client, url("invite", workshop), {"members": [member.pk], **on(timezone.localdate(), "sent_on")},
            errors=["Select people from the list"], unchanged=Invitation.objects.count,
        )


def test_an_invited_person_replies_with_what_they_need_and_can_change_it(client, person, workshop, person_member):
    invitation = InvitationFactory(workshop=workshop, member=person_member)
    login_as(client, person)
    response = client.post(url("reply", workshop), {"reply": "maybe", "access_needs": [Access.QUIET_SPACE, Access.EASY_READ], "anything_else": "I come with my PA."})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert (invitation.reply, invitation.access_needs, invitation.anything_else) == ("maybe", ["quiet_space", "easy_read"], "I come with my PA.")
    assert AuditEvent.objects.filter(action="change", target_id=str(invitation.pk), subject=person).exists()
    client.post(url("reply", workshop), {"reply": "not_coming", "anything_else": ""})
    invitation.refresh_from_db()
    assert (invitation.reply, invitation.access_needs) == ("not_coming", [])
    page = client.get(url("workshop_detail", workshop)).content.decode()
    assert "Not coming" in page and "Change your reply" in page


def test_a_person_can_still_reply_on_the_day(client, person, programme, person_member):
    today = WorkshopFactory(programme=programme, date=timezone.localdate())
    InvitationFactory(workshop=today, member=person_member)
    login_as(client, person)
    assert client.post(url("reply", today), {"reply": "coming"}).status_code == 302


def test_replying_after_the_event_is_refused(client, person, programme, person_member):
    past = WorkshopFactory(programme=programme, date=days_from_today(-1))
    invitation = InvitationFactory(workshop=past, member=person_member)
    login_as(client, person)
    assert "replies have closed" in client.get(url("reply", past)).content.decode()
    assert_bad_input(
        client, url("reply", past), {"reply": "coming", "anything_else": "Wheelchair space please"},
        errors=[f"Replies closed on {past.date:%-d %B %Y}, the day of the event"], kept=["anything_else"],
        unchanged=lambda: Invitation.objects.values_list("reply", "anything_else").get(pk=invitation.pk),
    )


def test_a_reply_needs_an_answer(client, person, workshop, person_member):
    invitation = InvitationFactory(workshop=workshop, member=person_member)
    login_as(client, person)
    assert_bad_input(
        client, url("reply", workshop), {"anything_else": "Large print please"}, errors=["Select if you are coming"],
        kept=["anything_else"], unchanged=lambda: Invitation.objects.values_list("reply", "anything_else").get(pk=invitation.pk),
    )


def test_a_member_who_is_not_invited_cannot_reply(client, carer, workshop, person_member):
    InvitationFactory(workshop=workshop, member=person_member)
    login_as(client, carer)
    assert client.get(url("reply", workshop)).status_code == 403
    assert client.post(url("reply", workshop), {"reply": "coming"}).status_code == 403
    assert not Invitation.objects.filter(member__user=carer).exists()


def test_a_person_who_left_the_group_cannot_reply(client, person, workshop, person_member):
    InvitationFactory(workshop=workshop, member=person_member)
    person_member.left_on = timezone.localdate()
    person_member.save(update_fields=["left_on"])
    login_as(client, person)
    assert client.post(url("reply", workshop), {"reply": "coming"}).status_code == 404


# Who sees what ----------------------------------------------------------------------------


def test_joining_details_are_shown_only_to_invited_people_and_organisers(client, commissioner, person, carer, programme, person_member):
    online = WorkshopFactory(programme=programme, format="online", place="", joining_instructions="Join at https://meet.example/day-ops")
    InvitationFactory(workshop=online, member=person_member)
    for user, sees in ((person, True), (commissioner, True), (carer, False)):
        login_as(client, user)
        page = client.get(url("workshop_detail", online)).content.decode()
        assert ("meet.example/day-ops" in page) is sees, user
    assert "Only people who are invited can see how to join." in page


def test_access_needs_are_seen_by_organisers_and_each_read_is_audited(client, commissioner, person, carer, workshop, person_member, carer_member):
    needs = InvitationFactory(
        workshop=workshop, member=person_member, reply="coming", access_needs=[Access.BSL], anything_else="Please face me when you speak.",
    )
    InvitationFactory(workshop=workshop, member=carer_member, reply="maybe")  # told us nothing: nothing to audit
    login_as(client, commissioner)
    page = client.get(url("workshop_detail", workshop)).content.decode()
    assert "British Sign Language (BSL) interpreter" in page and "Please face me when you speak." in page
    reads = AuditEvent.objects.filter(actor=commissioner, action="view", detail="workshop access needs")
    assert [(event.target_id, event.subject) for event in reads] == [(str(needs.pk), person)]
    client.get(url("workshop_detail", workshop))
    assert reads.all().count() == 2  # every read, not only the first


def test_the_invite_list_shows_needs_from_each_invitees_profile_beside_their_reply(client, commissioner, person, workshop, person_member):
    from tests.commissioning.involvement.factories import InvolvementProfileFactory

    InvolvementProfileFactory(user=person, preferred_format="easy_read", access_needs=["quiet_space"])
    InvitationFactory(workshop=workshop, member=person_member)  # no reply yet
    login_as(client, commissioner)
    page = BeautifulSoup(client.get(url("workshop_detail", workshop)).content, "html.parser")
    row = page.select_one("#invited").find_next("tbody").select_one("tr")
    cell = " ".join(row.select("td")[-1].get_text(" ").split())
    assert "From their involvement profile Documents in Easy Read A quiet space to take a break" in cell
    assert "Nothing told to us" not in cell
    assert AuditEvent.objects.filter(actor=commissioner, action="view", detail="access needs", subject=person).exists()


def test_a_member_sees_their_own_access_needs_never_anothers(client, person, carer, workshop, person_member, carer_member):
    InvitationFactory(workshop=workshop, member=person_member, access_needs=[Access.BSL], anything_else="Please face me when you speak.")
    InvitationFactory(workshop=workshop, member=carer_member, access_needs=[Access.LARGE_PRINT], anything_else="My eyesight is poor.")
    login_as(client, person)
    page = client.get(url("workshop_detail", workshop)).content.decode()
    assert "Please face me when you speak." in page
    assert "My eyesight is poor." not in page and "Large print" not in page
    login_as(client, carer)
    page = client.get(url("workshop_detail", workshop)).content.decode()
    assert "My eyesight is poor." in page and "Please face me when you speak." not in page
    for organisers_only in ("invite", "attendance", "outcomes", "workshop_edit"):
        assert client.get(url(organisers_only, workshop)).status_code == 403


def test_a_workshop_is_not_found_through_another_programme(client, commissioner, workshop):
    elsewhere = WorkshopFactory()
    login_as(client, commissioner)
    response = client.get(reverse("workshops:workshop_detail", kwargs={"programme_id": workshop.programme_id, "workshop_id": elsewhere.pk}))
    assert response.status_code == 404


# Who came --------------------------------------------------------------------------------


def test_recording_who_came_fills_the_activity(client, commissioner, programme, person_member, carer_member):
    past = WorkshopFactory(programme=programme, date=days_from_today(-2))
    came = InvitationFactory(workshop=past, member=person_member, reply="coming")
    InvitationFactory(workshop=past, member=carer_member, reply="coming")
    login_as(client, commissioner)
    response = client.post(url("attendance", past), {"attended": [came.pk], "others": "4"})
    assert response.status_code == 302
    activity = Activity.objects.get(pk=past.activity_id)
    assert list(activity.participants.all()) == [person_member]
    assert (activity.others_taking_part, activity.happened_on) == (4, past.date)
    assert list(Invitation.objects.filter(workshop=past, attended=True)) == [came]
    page = client.get(url("workshop_detail", past)).content.decode()
    assert "Who took part" in page and "And 4 other people." in page
    stage = client.get(reverse("commissioning:stage_detail", kwargs={"programme_id": programme.pk, "stage_id": activity.stage_id})).content.decode()
    assert f'href="{url("workshop_detail", past)}"' in stage
    assert f"{escape(person_member.user.full_name)}; and 4 other people" in stage
    # Corrected later: nobody from the group came after all.
    client.post(url("attendance", past), {"others": "5"})
    assert not activity.participants.exists()
    assert not Invitation.objects.filter(workshop=past, attended=True).exists()


def test_who_came_cannot_be_recorded_before_the_event(client, commissioner, workshop, person_member):
    invitation = InvitationFactory(workshop=workshop, member=person_member)
    login_as(client, commissioner)
    assert_bad_input(
        client, url("attendance", workshop), {"attended": [invitation.pk], "others": "2"},
        errors=[f"You can record who came on or after {workshop.date:%-d %B %Y}, when the event happens"], kept=["others"],
        unchanged=lambda: (Activity.objects.get(pk=workshop.activity_id).others_taking_part, workshop.activity.participants.count()),
    )


def test_a_bad_count_of_others_is_refused(client, commissioner, programme):
    past = WorkshopFactory(programme=programme, date=days_from_today(-2))
    login_as(client, commissioner)
    assert_bad_input(
        client, url("attendance", past), {"others": "a few"}, errors=["Enter how many other people came as a number, like 3"],
        kept=["others"], unchanged=lambda: Activity.objects.get(pk=past.activity_id).happened_on,
    )


# What came out of it ----------------------------------------------------------------------


def test_notes_and_ideas_in_peoples_words_show_on_the_workshop_page(client, commissioner, person, programme, person_member):
    past = WorkshopFactory(programme=programme, date=days_from_today(-2))
    login_as(client, commissioner)
    client.post(url("outcomes", past), {"notes": "Twelve people came. Weekends came up again and again.", "save_notes": "Save the notes"})
    client.post(url("outcomes", past), {"text": "Open on Saturdays", "whose": "member", "said_by": person_member.pk, "add_idea": "Add"})
    client.post(url("outcomes", past), {"text": "A minibus from the estate", "whose": "someone", "add_idea": "Add"})
    assert [(idea.text, idea.said_by) for idea in Idea.objects.order_by("pk")] == [("Open on Saturdays", person_member), ("A minibus from the estate", None)]
    login_as(client, person)
    page = client.get(url("workshop_detail", past)).content.decode()
    assert "Weekends came up again and again." in page
    assert f"In {escape(person.display_name)}&#x27;s words" in page
    assert "In the words of someone at the event" in page


def test_an_idea_said_by_a_member_names_the_member(client, commissioner, programme):
    past = WorkshopFactory(programme=programme, date=days_from_today(-2))
    login_as(client, commissioner)
    assert_bad_input(
        client, url("outcomes", past), {"text": "Open on Saturdays", "whose": "member", "add_idea": "Add"},
        errors=["Select which group member said it"], kept=["text"], unchanged=Idea.objects.count,
    )


def test_an_organiser_removes_an_idea(client, commissioner, workshop):
    idea = IdeaFactory(workshop=workshop)
    other = IdeaFactory()  # another programme's: never reachable from here
    login_as(client, commissioner)
    assert client.post(url("idea_remove", workshop, idea_id=other.pk)).status_code == 404
    assert client.post(url("idea_remove", workshop, idea_id=idea.pk)).status_code == 302
    assert list(Idea.objects.all()) == [other]


def test_an_organiser_says_which_priorities_outcomes_and_sections_it_fed(client, commissioner, person, programme, workshop):
    priority = PriorityFactory(programme=programme, title="Somewhere to go at weekends")
    outcome = OutcomeFactory(programme=programme, title="I have things to do near where I live")
    specification = SpecificationFactory(programme=programme, created_by=commissioner, title="Day opportunities")
    section = specification.versions.get().sections.order_by("position").first()
    elsewhere = PriorityFactory()  # another programme's
    login_as(client, commissioner)
    form = client.get(url("fed_edit", workshop)).content.decode()
    assert "Somewhere to go at weekends" in form and elsewhere.title not in form
    response = client.post(url("fed_edit", workshop), {"priorities": [priority.pk], "outcomes": [outcome.pk], "sections": [section.pk]})
    assert response.status_code == 302
    activity = workshop.activity
    assert (list(activity.priorities.all()), list(activity.outcomes.all()), list(activity.specification_sections.all())) == ([priority], [outcome], [section])
    assert_bad_input(
        client, url("fed_edit", workshop), {"priorities": [elsewhere.pk]}, errors=["Select from the list"],
        unchanged=lambda: list(activity.priorities.all()),
    )
    login_as(client, person)
    page = client.get(url("workshop_detail", workshop)).content.decode()
    assert "Somewhere to go at weekends" in page and f"Day opportunities: {section.title}" in page


# Lists ------------------------------------------------------------------------------------


def test_the_list_shows_upcoming_and_past_events_apart(client, person, programme, person_member):
    soon = WorkshopFactory(programme=programme, title="Coming soon", date=days_from_today(3))
    WorkshopFactory(programme=programme, title="Long ago", date=days_from_today(-30))
    InvitationFactory(workshop=soon, member=person_member, reply="coming")
    login_as(client, person)
    upcoming = client.get(reverse("workshops:workshop_list", kwargs={"programme_id": programme.pk})).content.decode()
    assert "Coming soon" in upcoming and "Long ago" not in upcoming and "You are invited" in upcoming
    past = client.get(reverse("workshops:workshop_list", kwargs={"programme_id": programme.pk}) + "?when=past").content.decode()
    assert "Long ago" in past and "Coming soon" not in past


def test_my_invitations_shows_only_my_own_in_groups_i_am_in(client, person, carer, programme, person_member, carer_member):
    mine = InvitationFactory(workshop=WorkshopFactory(programme=programme, title="Mine"), member=person_member)
    InvitationFactory(workshop=WorkshopFactory(programme=programme, title="The carer's"), member=carer_member)
    login_as(client, person)
    response = client.get(reverse("workshops:my_invitations"))
    assert [invitation.pk for invitation in response.context["page"]] == [mine.pk]


def test_a_reply_that_is_too_long_is_refused(client, person, workshop, person_member):
    invitation = InvitationFactory(workshop=workshop, member=person_member)
    login_as(client, person)
    assert_bad_input(
        client, url("reply", workshop), {"reply": "coming", "anything_else": "x" * 2001},
        errors=["What you tell us must be 2,000 characters or fewer"], kept=["anything_else"],
        unchanged=lambda: Invitation.objects.values_list("reply", "anything_else").get(pk=invitation.pk),
    )


def test_an_organiser_invites_someone_without_an_account_and_prints_the_invitation(client, commissioner, workshop):
    from commissioning.workshops.models import GuestInvitation

    login_as(client, commissioner)
    response = client.post(url("guest_invite", workshop), {
        "name": "Joan Webb", "how_to_reach": "4 Rowan Close, Oakfield", "sent_how": "post",
        "sent_on_0": str(timezone.localdate().day), "sent_on_1": str(timezone.localdate().month), "sent_on_2": str(timezone.localdate().year),
        "access_needs": [Access.LARGE_PRINT], "anything_else": "",
    }, follow=True)
    guest = GuestInvitation.objects.get()
    assert (guest.name, guest.access_needs, guest.invited_by) == ("Joan Webb", ["large_print"], commissioner)
    letter = " ".join(BeautifulSoup(response.content, "html.parser").select_one("#invitation").get_text(" ", strip=True).split())
    assert "Dear Joan Webb ," in letter and workshop.title in letter and "Large print" in letter
    assert "4 Rowan Close" not in letter  # how to reach them is for the organiser, not on the invitation
    detail = BeautifulSoup(client.get(url("workshop_detail", workshop)).content, "html.parser")
    guests = detail.find("caption", string="People without an account, invited by name").find_parent("table").get_text(" ")
    assert "Joan Webb" in guests and "4 Rowan Close, Oakfield" in guests
    assert AuditEvent.objects.filter(actor=commissioner, action="view", detail="guest invitation").exists()


def test_inviting_someone_without_a_name_or_a_way_to_reach_them_is_explained(client, commissioner, workshop):
    from commissioning.workshops.models import GuestInvitation

    login_as(client, commissioner)
    assert_bad_input(
        client, url("guest_invite", workshop), {"name": "", "how_to_reach": "", "sent_how": "post", "anything_else": "Needs a lift"},
        errors=["Enter the name of the person you are inviting", "Enter how to reach them"], kept=["anything_else"],
        unchanged=GuestInvitation.objects.count,
    )
