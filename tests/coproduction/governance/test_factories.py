"""The governance and notifications factories make records the services would make."""

from coproduction.governance.consent.services import is_standing
from coproduction.governance.models import ErasureRequest
from coproduction.notifications.selectors import messages_for
from tests.coproduction.governance.factories import (
    AnonymisedRecordFactory,
    ConsentFactory,
    ErasureRequestFactory,
)
from tests.coproduction.notifications.factories import DeliveryFactory, PreferenceFactory


def test_governance_factories_make_standing_consents_and_waiting_requests():
    assert is_standing(ConsentFactory())
    assert ErasureRequestFactory().status == ErasureRequest.Status.AWAITING
    assert AnonymisedRecordFactory().run.counts == {"care_records": 0}


def test_notifications_factories_make_a_message_in_its_recipients_list():
    delivery = DeliveryFactory()
    assert list(messages_for(user=delivery.message.recipient)) == [delivery.message]
    assert PreferenceFactory().wants(delivery.message.topic)
