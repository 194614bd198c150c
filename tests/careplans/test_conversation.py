"""A conversation about what matters, written with the person in their words, beside the plan."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from careplans.models import Conversation
from coproduction.audit.models import AuditEvent
from tests.careplans.factories import CarePlanFactory, ConversationFactory, PersonFactory
from tests.harness.bad_input import assert_bad_input


@pytest.fixture
def al(team, practitioner, person):
    someone = PersonFactory(team=team, practitioner=practitioner, user=person, full_name="Alan Marsh", preferred_name="Al")
    CarePlanFactory(person=someone, version=1, status="draft", created_by=practitioner)
    return someone


def url(person):
    return reverse("careplans:conversation", kwargs={"person_id": person.pk})


def test_the_person_writes_it_from_my_plan_as_their_own_words(client_as, person, practitioner, al):
    client = client_as(person)
    plan = BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": al.pk})).content, "html.parser")
    assert plan.find("a", href=url(al)).get_text(strip=True) == "Write it in your own words"
    client.post(url(al), {"what_matters": "My allotment", "good_at": "Growing leeks", "working": "Mo's lifts"})
    saved = Conversation.objects.get(person=al)
    assert (saved.whose, saved.updated_by, saved.people_places) == ("person", person, "")
    assert AuditEvent.objects.filter(detail="conversation about what matters", subject=person).exists()
    mine = BeautifulSoup(client.get(reverse("careplans:plan_detail", kwargs={"person_id": al.pk})).content, "html.parser")
    shown = mine.select_one("#conversation").get_text(" ", strip=True)
    assert "What matters to me My allotment" in shown and "In your own words" in shown
    staff = BeautifulSoup(client_as(practitioner).get(reverse("careplans:plan_detail", kwargs={"person_id": al.pk})).content, "html.parser")
    assert "In Al’s own words" in staff.select_one("#conversation").get_text()


def test_staff_record_it_as_written_with_the_practitioner_and_it_shows_beside_the_sections(client_as, practitioner, al):
    tom = client_as(practitioner)
    tom.post(url(al), {"what_matters": "Seeing Jack on Saturdays", "people_places": "Mo, Jack, the allotments"})
    assert Conversation.objects.get(person=al).whose == "with_practitioner"
    section = BeautifulSoup(tom.get(reverse("careplans:section_edit", kwargs={"person_id": al.pk, "key": "important"})).content, "html.parser")
    beside = section.select_one("#conversation").get_text(" ", strip=True)
    assert "What matters to me Seeing Jack on Saturdays" in beside and "The people and places in my life Mo, Jack" in beside
    assert "written with the practitioner" in beside
    # A section draws only on the answers it needs: the goals take what matters, not the people.
    goals = BeautifulSoup(tom.get(reverse("careplans:section_edit", kwargs={"person_id": al.pk, "key": "goals"})).content, "html.parser")
    assert "Mo, Jack" not in goals.select_one("#conversation").get_text()


def test_an_empty_conversation_is_refused_and_nothing_is_saved(client_as, person, al):
    ConversationFactory(person=al, what_matters="Before", good_at="", people_places="", working="")
    assert_bad_input(
        client_as(person), url(al), {"what_matters": " ", "good_at": "", "people_places": "", "working": ""},
        errors=["Write at least one answer"], unchanged=lambda: Conversation.objects.get(person=al).what_matters,
    )


def test_a_representative_whose_consent_was_withdrawn_cannot_write_it(client_as, carer, practitioner, al):
    from tests.careplans.factories import RepresentativeFactory
    from django.utils import timezone

    RepresentativeFactory(person=al, user=carer, recorded_by=practitioner, withdrawn_on=timezone.now(), withdrawn_by=practitioner)
    assert client_as(carer).post(url(al), {"what_matters": "x"}).status_code in (403, 404)
    assert not Conversation.objects.exists()
