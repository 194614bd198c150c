"""Messages for the authorization matrix and the accessibility test.

world["message"]: a message to the PERSON user (only they may open it).
world["failed_delivery"]: its email, which failed (administrators may send it again).
"""

from coproduction.accounts.models import Role
from coproduction.notifications.models import Delivery, Message, Preference
from coproduction.notifications.topics import Topic


def build_notifications_world(world: dict) -> dict:
    users = world["users"]
    person = users[Role.PERSON]
    message = Message.objects.create(
        recipient=person, topic=Topic.PLAN_CHANGED, subject="Your plan has changed",
        body="Your care and support plan has changed. Sign in to read it.",
        link=f"/people/{world['person'].pk}/", key="world:plan-changed",
    )
    Message.objects.create(
        recipient=person, topic=Topic.INVITATION, subject="Invitation: Day services workshop on 3 March",
        body="You are invited to a workshop about day services. Sign in to say if you can come.",
        key="world:invitation", read_at=message.created_at,
    )
    failed = Delivery.objects.create(
        message=message, channel="email", template="service email", via="smtp", status=Delivery.Status.FAILED,
        attempts=7, error="Gave up after 7 tries: The email server could not be reached (ConnectionRefusedError)",
    )
    # The CARER user chose letters, so the person record and the sent-log show an address.
    Preference.objects.create(user=users[Role.CARER], channel="letter", address="1 High Street\nLeeds", postcode="LS1 4AP")
    return {"message": message, "failed_delivery": failed}
