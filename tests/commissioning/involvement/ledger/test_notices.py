"""What a claimant is told when their claim is approved or queried: plain words, the organiser's
question, and nothing about money beyond whether it will be paid."""

from urllib.parse import urlsplit

from django.urls import reverse

from commissioning.involvement.ledger import services
from coproduction.notifications.selectors import messages_for
from coproduction.notifications.topics import Topic
from tests.commissioning.factories import ActivityFactory
from tests.commissioning.involvement.factories import ClaimFactory


def test_an_approved_claim_tells_the_claimant_only(commissioner, person):
    claim = ClaimFactory(claimant=person, amount="23.40", activity=ActivityFactory(title="Design workshop at Oakfield"))
    services.claim_approve(claim=claim, by=commissioner)
    [message] = messages_for(user=person)
    assert message.topic == Topic.CLAIM and message.subject == "Your claim has been approved"
    assert "We have approved your claim for travel for “Design workshop at Oakfield”. It will be paid in the next payment run." in message.body
    assert "23.40" not in message.body and "sort code" not in message.body.lower() and "account" not in message.body.lower()
    assert urlsplit(message.link).path == reverse("involvement:my_claims")
    assert not messages_for(user=commissioner).exists()


def test_a_queried_claim_gives_the_reason_in_the_organisers_words_and_links_to_change_it(client_as, commissioner, person):
    claim = ClaimFactory(claimant=person)
    services.claim_query(claim=claim, by=commissioner, reason="Please add the bus ticket or say which bus you took.")
    [message] = messages_for(user=person)
    assert message.subject == "We have a question about your claim"
    assert "the organiser needs to know:\n\nPlease add the bus ticket or say which bus you took." in message.body
    path = urlsplit(message.link).path
    assert path == reverse("involvement:claim_edit", kwargs={"claim_id": claim.pk})
    assert client_as(person).get(path).status_code == 200


def test_queried_then_approved_tells_both_and_a_claim_without_money_says_so(commissioner, person):
    claim = ClaimFactory(claimant=person, category="accreditation", amount="0")
    services.claim_query(claim=claim, by=commissioner, reason="Which course was it?")
    services.claim_approve(claim=claim, by=commissioner)
    subjects = list(messages_for(user=person).values_list("subject", flat=True))
    assert subjects == ["Your claim has been approved", "We have a question about your claim"]
    assert "There is no money to pay" in messages_for(user=person).first().body
