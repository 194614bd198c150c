"""A person's involvement profile: they see, change, download and delete their own, and nobody
else's; organisers see only the access needs of the people taking part."""

import csv
import io
import json

from bs4 import BeautifulSoup
from django.urls import reverse

from commissioning.involvement import selectors
from commissioning.involvement.models import InvolvementProfile, Participation
from commissioning.participants import activity_participants_add
from coproduction.audit.models import AuditEvent
from tests.commissioning.factories import ActivityFactory
from tests.commissioning.involvement.factories import InvolvementProfileFactory
from tests.commissioning.workshops.factories import InvitationFactory, WorkshopFactory
from tests.harness.auth import login_as
from tests.harness.bad_input import assert_bad_input


def text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


PROFILE = {
    "contact_method": "phone",
    "contact_notes": "Afternoons are best.",
    "preferred_format": "easy_read",
    "access_needs": ["bsl", "interpreter", "support_worker"],
    "interpreter_language": "Polish",
    "other_access_needs": "Papers a week before, please.",
    "suitable_times": ["weekday_afternoon"],
    "suitable_places": ["near_home", "online"],
    "times_and_places_notes": "",
    "recognition": ["accreditation"],
}


def test_a_person_fills_in_their_profile_and_sees_it(client, person):
    login_as(client, person)
    page = client.get(reverse("involvement:profile"))
    assert "You have not filled in your profile yet" in text(page)
    response = client.post(reverse("involvement:profile_edit"), PROFILE)
    assert response.status_code == 302
    shown = text(client.get(reverse("involvement:profile")))
    assert "Phone call" in shown
    assert "Documents in Easy Read" in shown
    assert "An interpreter for Polish" in shown
    assert "A support worker or personal assistant (PA) comes with me" in shown
    assert "Accreditation or a reference for my CV" in shown
    profile = InvolvementProfile.objects.get(user=person)
    assert AuditEvent.objects.filter(action="create", subject=person, target_id=str(profile.pk)).exists()
    assert AuditEvent.objects.filter(action="view", subject=person, actor=person).exists()


def test_the_profile_form_keeps_answers_and_saves_nothing_on_bad_input(client, person):
    login_as(client, person)
    assert_bad_input(
        client, reverse("involvement:profile_edit"),
        {**PROFILE, "interpreter_language": "", "recognition": ["nothing", "payment"], "preferred_format": "braille"},
        errors=["Enter the language you want an interpreter for",
                "Select “Nothing, thank you” on its own, or the kinds of recognition you would like",
                "Select the format you want papers in"],
        kept=["contact_notes"],
        unchanged=lambda: InvolvementProfile.objects.filter(user=person).count(),
    )


def test_equality_answers_are_optional_and_each_has_prefer_not_to_say(client, person):
    login_as(client, person)
    page = BeautifulSoup(client.get(reverse("involvement:equality_edit")).content, "html.parser")
    for name in ("age_band", "sex", "gender_identity", "ethnicity", "disability", "religion", "sexual_orientation", "carer_status"):
        assert page.find("input", {"name": name, "value": "prefer_not_to_say"}) is not None, name
    assert client.post(reverse("involvement:equality_edit"), {}).status_code == 302
    client.post(reverse("involvement:equality_edit"), {"ethnicity": "asian", "religion": "prefer_not_to_say"})
    profile = InvolvementProfile.objects.get(user=person)
    assert (profile.ethnicity, profile.religion, profile.sex) == ("asian", "prefer_not_to_say", "")
    assert_bad_input(
        client, reverse("involvement:equality_edit"), {"ethnicity": "martian", "sex": "female"},
        errors=["Select an answer from the list"], unchanged=lambda: InvolvementProfile.objects.get(user=person).ethnicity,
    )


def test_a_person_downloads_their_own_profile_as_json_and_csv(client, person, carer):
    InvolvementProfileFactory(user=person, contact_notes="=HYPERLINK(\"x\")", ethnicity="white")
    InvolvementProfileFactory(user=carer, contact_notes="Only the carer's words")
    login_as(client, person)
    response = client.get(reverse("involvement:profile_download", kwargs={"file_format": "json"}))
    assert response["Content-Disposition"] == 'attachment; filename="involvement-profile.json"'
    data = json.loads(response.content)["involvement_profile"]
    assert data["Ethnic group"] == "White"
    assert "Only the carer's words" not in response.content.decode()
    response = client.get(reverse("involvement:profile_download", kwargs={"file_format": "csv"}))
    rows = dict(csv.reader(io.StringIO(response.content.decode())))
    assert rows["More about contacting you"] == "'=HYPERLINK(\"x\")"  # never runs as a spreadsheet formula
    assert AuditEvent.objects.filter(action="download", subject=person).count() == 2
    assert client.get(reverse("involvement:profile_download", kwargs={"file_format": "xml"})).status_code == 404


def test_deleting_the_profile_asks_first_then_removes_it_and_the_answers_in_the_history(client, person, programme, person_member):
    InvolvementProfileFactory(user=person, ethnicity="mixed", access_needs=["step_free"])
    activity = ActivityFactory(programme=programme, happened_on="2026-10-01")
    activity_participants_add(activity=activity, members=[person_member])
    login_as(client, person)
    page = client.get(reverse("involvement:profile_delete"))
    assert "You cannot undo this" in text(page)
    assert InvolvementProfile.objects.filter(user=person).exists()  # asking is not deleting
    response = client.post(reverse("involvement:profile_delete"))
    assert response.status_code == 302
    assert not InvolvementProfile.objects.filter(user=person).exists()
    snapshot = Participation.objects.get(user=person)
    assert snapshot.ethnicity == ""  # still counted as taking part, no longer who they are
    assert AuditEvent.objects.filter(action="delete", subject=person).exists()


def test_a_person_only_ever_sees_their_own_profile(client, person, carer):
    InvolvementProfileFactory(user=carer, contact_notes="Ring my neighbour", other_access_needs="Carer's secret need")
    login_as(client, person)
    assert "Ring my neighbour" not in text(client.get(reverse("involvement:profile")))
    assert "Ring my neighbour" not in client.get(reverse("involvement:profile_download", kwargs={"file_format": "csv"})).content.decode()


def test_the_selectors_give_formats_and_only_access_needs(person, carer, practitioner):
    InvolvementProfileFactory(user=person, preferred_format="large_print", access_needs=["hearing_loop"], ethnicity="black",
                              contact_notes="Private note")
    InvolvementProfileFactory(user=carer, access_needs=["interpreter"], interpreter_language="Urdu")
    assert selectors.preferred_formats([person.pk, carer.pk, practitioner.pk]) == {
        person.pk: "large_print", carer.pk: "standard", practitioner.pk: "standard"}
    needs = selectors.access_needs_for([person.pk, carer.pk, practitioner.pk])
    assert needs == {
        person.pk: ["Documents in Large print", "A hearing loop"],
        carer.pk: ["An interpreter for Urdu"],
        practitioner.pk: [],
    }


def test_an_organiser_sees_what_helps_people_take_part_and_never_their_equality_answers(
    client, commissioner, person, programme, person_member,
):
    InvolvementProfileFactory(user=person, access_needs=["step_free", "quiet_space"], ethnicity="asian",
                              religion="sikh", sexual_orientation="bisexual", contact_notes="Call after 6")
    activity = ActivityFactory(programme=programme, happened_on="2026-10-01")
    activity_participants_add(activity=activity, members=[person_member])
    login_as(client, commissioner)
    shown = text(client.get(reverse("involvement:activity_access_needs", kwargs={"programme_id": programme.pk, "activity_id": activity.pk})))
    assert "Step-free access" in shown and "A quiet space to take a break" in shown
    for private in ("Asian", "Sikh", "Bisexual", "Call after 6"):
        assert private not in shown
    assert AuditEvent.objects.filter(actor=commissioner, subject=person, action="view", detail="access needs").exists()


def test_the_workshop_invite_page_shows_invitees_access_needs(client, commissioner, person, programme, person_member):
    InvolvementProfileFactory(user=person, access_needs=["bsl"], ethnicity="white")
    workshop = WorkshopFactory(programme=programme, created_by=commissioner)
    InvitationFactory(workshop=workshop, member=person_member)
    login_as(client, commissioner)
    shown = text(client.get(reverse("workshops:invite", kwargs={"programme_id": programme.pk, "workshop_id": workshop.pk})))
    assert "A British Sign Language (BSL) interpreter" in shown
    assert "White" not in shown
