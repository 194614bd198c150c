"""The Messages list, preferences, the person record summary and the administrators' Sent messages."""

from bs4 import BeautifulSoup
from django.urls import reverse

from coproduction.audit.models import AuditEvent
from coproduction.notifications.models import Delivery, Message, Preference
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic
from tests.careplans.factories import PersonFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries

ALL_TOPICS = [value for value, _ in Topic.choices]


def _page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def _tell(user, key, subject="Your plan has changed", topic=Topic.PLAN_CHANGED, link="/messages/"):
    notify(recipients=user, topic=topic, subject=subject, body="Sign in to read it.", link=link, key=key)
    return Message.objects.get(recipient=user, key=key)


# -- Messages --------------------------------------------------------------------------------

def test_the_list_shows_only_your_own_messages_with_unread_ones_marked(person, carer, client_as):
    _tell(person, "a", subject="Your plan has changed")
    read = _tell(person, "b", subject="Invitation: Day services workshop", topic=Topic.INVITATION)
    Message.objects.filter(pk=read.pk).update(read_at=read.created_at)
    _tell(carer, "c", subject="Somebody else's message")
    page = _page(client_as(person).get(reverse("notifications:message_list")))
    rows = [row.get_text(" ", strip=True) for row in page.select("tbody tr")]
    assert len(rows) == 2
    assert rows[1].startswith("New Your plan has changed") or rows[0].startswith("New Your plan has changed")
    assert not any("Somebody else" in row for row in rows)
    assert "Messages (1 unread)" in page.select_one("header").get_text(" ", strip=True)


def test_the_header_count_is_read_once_and_only_when_the_header_is_shown(person, rf, django_assert_num_queries):
    from coproduction.notifications.context_processors import unread_messages

    _tell(person, "a")
    request = rf.get("/")
    request.user = person
    with django_assert_num_queries(0):
        count = unread_messages(request)["unread_message_count"]  # a partial never calls it
    with django_assert_num_queries(1):
        assert count() == 1 and count() == 1


def test_opening_a_new_message_from_the_list_marks_it_read_and_links_to_the_thing(person, client_as):
    message = _tell(person, "a", link="/people/my-plan/")
    client = client_as(person)
    listed = _page(client.get(reverse("notifications:message_list")))
    # A new message opens with a button: reading it changes state, so it is a POST.
    form = listed.find("button", string="Your plan has changed").find_parent("form")
    assert form["method"] == "post"
    response = client.post(form["action"], {"read": "yes"}, follow=True)
    page = _page(response)
    assert page.h1.get_text(strip=True) == "Your plan has changed"
    assert page.find("a", string="Go to it in the service")["href"] == "/people/my-plan/"
    message.refresh_from_db()
    assert message.read_at is not None
    after = _page(client.get(reverse("notifications:message_list")))
    assert "unread" not in after.select_one("header").get_text()
    assert after.select_one("tbody .govuk-tag") is None


def test_opening_a_message_by_its_address_changes_nothing(person, client_as):
    message = _tell(person, "a")
    page = _page(client_as(person).get(reverse("notifications:message_detail", kwargs={"message_id": message.pk})))
    message.refresh_from_db()
    assert message.read_at is None
    assert page.find("button", string="Mark as read") is not None


def test_a_read_message_can_be_marked_unread_again(person, client_as):
    message = _tell(person, "a")
    client = client_as(person)
    client.post(reverse("notifications:message_mark", kwargs={"message_id": message.pk}), {"read": "yes"})
    page = _page(client.get(reverse("notifications:message_detail", kwargs={"message_id": message.pk})))
    assert page.find("button", string="Mark as unread") is not None
    response = client.post(reverse("notifications:message_mark", kwargs={"message_id": message.pk}), {"read": "no"}, follow=True)
    listed = _page(response)
    assert "“Your plan has changed” is marked as unread" in listed.get_text()
    assert "Messages (1 unread)" in listed.select_one("header").get_text(" ", strip=True)
    assert listed.select_one("tbody .govuk-tag").get_text(strip=True) == "New"
    message.refresh_from_db()
    assert message.read_at is None


def test_nobody_marks_someone_elses_message(person, carer, client_as):
    message = _tell(carer, "a")
    response = client_as(person).post(reverse("notifications:message_mark", kwargs={"message_id": message.pk}), {"read": "yes"})
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_someone_elses_message_is_not_found(person, carer, client_as):
    message = _tell(carer, "a")
    response = client_as(person).get(reverse("notifications:message_detail", kwargs={"message_id": message.pk}))
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.read_at is None


def test_the_messages_list_costs_the_same_queries_however_many_messages(person, client_as):
    client = client_as(person)
    _tell(person, "first")

    def grow():
        for number in range(30):
            _tell(person, f"more-{number}")

    assert_fixed_queries(lambda: client.get(reverse("notifications:message_list")), budget=1, grow=grow)


# -- Preferences -----------------------------------------------------------------------------

def test_choosing_letters_saves_the_address_and_topics(person, client_as, mailbox, deliver_now):
    client = client_as(person)
    response = client.post(reverse("notifications:preferences"), {
        "channel": "letter", "address": "1 High Street\nLeeds", "postcode": "ls14ap",
        "mobile_number": "07700 900 982", "topics": ["plan_changed", "review_due"],
    })
    assert response.status_code == 302
    preference = Preference.objects.get(user=person)
    assert (preference.channel, preference.postcode, preference.address) == ("letter", "LS1 4AP", "1 High Street\nLeeds")
    assert preference.mobile_number == ""  # not kept: letters were chosen
    assert "invitation" in preference.topics_off and "plan_changed" not in preference.topics_off
    assert AuditEvent.objects.filter(actor=person, subject=person, detail="contact preferences changed").exists()
    # What the person chose is what happens: no email, and no invitations at all.
    _tell(person, "plan")
    assert notify(recipients=person, topic=Topic.INVITATION, subject="Invitation", body="Come along.", key="invite") == 0
    deliver_now()
    assert mailbox.messages == []
    assert list(Message.objects.filter(recipient=person).values_list("key", flat=True)) == ["plan"]


def test_the_page_shows_the_saved_choices(person, client_as):
    Preference.objects.create(user=person, channel="text", mobile_number="07700900982", topics_off=["invitation"])
    page = _page(client_as(person).get(reverse("notifications:preferences")))
    assert page.find("input", attrs={"name": "channel", "value": "text"}).has_attr("checked")
    assert page.find("input", attrs={"name": "mobile_number"})["value"] == "07700900982"
    assert not page.find("input", attrs={"name": "topics", "value": "invitation"}).has_attr("checked")
    assert page.find("input", attrs={"name": "topics", "value": "review_due"}).has_attr("checked")


def test_a_bad_mobile_number_keeps_the_other_answers(person, client_as):
    assert_bad_input(
        client_as(person), reverse("notifications:preferences"),
        {"channel": "text", "mobile_number": "01632 960 001", "postcode": "LS1 4AP", "topics": ALL_TOPICS},
        errors=["Enter a UK mobile number, like 07700 900 982"],
        kept=["mobile_number", "postcode"],
        unchanged=lambda: list(Preference.objects.values_list("channel", "mobile_number")),
    )


def test_a_bad_postcode_and_no_address_keep_the_other_answers(person, client_as):
    assert_bad_input(
        client_as(person), reverse("notifications:preferences"),
        {"channel": "letter", "address": "", "postcode": "NOT A CODE", "mobile_number": "07700900982", "topics": ["claim"]},
        errors=["Enter a full UK postcode, like LS1 4AP", "Enter the address for letters"],
        kept=["postcode", "mobile_number"],
        unchanged=lambda: list(Preference.objects.values_list("channel", "postcode")),
    )


def test_a_practitioner_sets_how_a_person_on_their_caseload_hears(practitioner, team, client_as):
    user = UserFactory(full_name="Alan Marsh")
    person = PersonFactory(user=user, full_name="Alan Marsh", team=team, practitioner=practitioner)
    client = client_as(practitioner)
    record = _page(client.get(reverse("careplans:person_detail", kwargs={"person_id": person.pk})))
    assert "How Alan Marsh hears from us" in record.get_text()
    response = client.post(reverse("notifications:person_preferences", kwargs={"person_id": person.pk}), {
        "channel": "letter", "address": "14 Mill Lane\nNorthtown", "postcode": "NT1 2AB", "topics": ALL_TOPICS,
    })
    assert response.status_code == 302
    preference = Preference.objects.get(user=user)
    assert (preference.channel, preference.updated_by) == ("letter", practitioner)
    record = _page(client.get(reverse("careplans:person_detail", kwargs={"person_id": person.pk})))
    summary = record.find("h2", string="How Alan Marsh hears from us").find_next("dl").get_text(" ", strip=True)
    assert "Letter" in summary and "NT1 2AB" in summary


def test_a_practitioner_cannot_set_it_for_someone_without_an_account(practitioner, team, client_as):
    person = PersonFactory(user=None, team=team, practitioner=practitioner)
    response = client_as(practitioner).get(reverse("notifications:person_preferences", kwargs={"person_id": person.pk}))
    assert response.status_code == 403


# -- Sent messages (administrators) --------------------------------------------------------------

def _failed_and_sent(person_name="Alan Marsh"):
    user = UserFactory(full_name=person_name)
    sent = _tell(user, "sent")
    Delivery.objects.filter(message=sent).update(status="sent")
    failed = _tell(user, "failed", subject="Invitation", topic=Topic.INVITATION)
    Delivery.objects.filter(message=failed).update(status="failed", error="Gave up after 7 tries: The email server could not be reached")
    return user


def test_failed_messages_come_first_and_can_be_sent_again(administrator, client_as, mailbox, deliver_now):
    user = _failed_and_sent()
    client = client_as(administrator)
    page = _page(client.get(reverse("notifications:delivery_list")))
    rows = [row.get_text(" ", strip=True) for row in page.select("tbody tr")]
    assert rows[0].startswith("Alan Marsh Invitations") and "Failed" in rows[0] and "could not be reached" in rows[0]
    # What each was written with, in words, never a bare "service email" or "none".
    assert "Written with: The service's own email, sent through the council's email server" in rows[0]
    assert "Sent" in rows[1]
    assert AuditEvent.objects.filter(actor=administrator, subject=user, detail="sent messages").count() == 2
    failed = Delivery.objects.get(status="failed")
    response = client.post(reverse("notifications:delivery_retry", kwargs={"delivery_id": failed.pk}))
    assert response.status_code == 302
    deliver_now()
    [email] = mailbox.wait_for(1)
    assert email["Subject"] == "Invitation"
    assert Delivery.objects.filter(message=failed.message, status="sent").count() == 1


def test_a_sent_message_cannot_be_sent_again(administrator, client_as):
    _failed_and_sent()
    sent = Delivery.objects.get(status="sent")
    response = client_as(administrator).post(reverse("notifications:delivery_retry", kwargs={"delivery_id": sent.pk}))
    assert response.status_code == 403
    assert Delivery.objects.count() == 2


def test_the_sent_messages_name_a_notify_template_and_a_letter_with_none(administrator, client_as):
    _failed_and_sent()
    Delivery.objects.filter(status="sent").update(template="f33517ff-2a88-4f6e-b855-c550268ce08a", via="notify")
    Delivery.objects.filter(status="failed").update(template="", channel="letter", status="not_sent")
    rows = [row.get_text(" ", strip=True) for row in _page(client_as(administrator).get(reverse("notifications:delivery_list"))).select("tbody tr")]
    assert any("Written with: GOV.UK Notify email template f33517ff-2a88-4f6e-b855-c550268ce08a" in row for row in rows)
    assert any("Written with: None: no service is set up to send a letter" in row for row in rows)


def test_filtering_by_status(administrator, client_as):
    _failed_and_sent()
    page = _page(client_as(administrator).get(reverse("notifications:delivery_list"), {"status": "sent"}))
    rows = page.select("tbody tr")
    assert len(rows) == 1 and "Sent" in rows[0].get_text()


def test_the_sent_messages_page_costs_the_same_queries_however_many(administrator, client_as):
    client = client_as(administrator)
    _failed_and_sent()

    def grow():
        for number in range(10):
            _failed_and_sent(person_name=f"Person {number}")

    assert_fixed_queries(lambda: client.get(reverse("notifications:delivery_list")), budget=3, grow=grow)
