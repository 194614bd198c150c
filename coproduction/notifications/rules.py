"""Who may see messages and preferences. A person's messages are theirs alone; administrators
see the sent-log (who was sent what kind of message, when and how) to put failures right."""

import rules

from coproduction.people.rules import can_work_with_person, is_the_person
from coproduction.accounts.rules import is_administrator

from .models import Delivery


@rules.predicate
def is_recipient(user, message) -> bool:
    return message is not None and message.recipient_id == user.id


@rules.predicate
def can_be_sent_again(user, delivery) -> bool:
    return delivery is not None and delivery.status in (Delivery.Status.FAILED, Delivery.Status.CHECK)


@rules.predicate
def person_has_account(user, person) -> bool:
    return person is not None and person.user_id is not None


# Everyone signed in has their own Messages and chooses how they hear.
rules.add_perm("notifications.view_messages", rules.is_authenticated)
rules.add_perm("notifications.view_message", rules.is_authenticated & is_recipient)
rules.add_perm("notifications.mark_message", rules.is_authenticated & is_recipient)
rules.add_perm("notifications.change_own_preference", rules.is_authenticated)
# A practitioner who works with a person may set how they hear, for someone who asked them to
# (for example, a person who wants letters and does not use the service themselves).
rules.add_perm(
    "notifications.change_person_preference", rules.is_authenticated & can_work_with_person & person_has_account
)
rules.add_perm("notifications.view_person_preference", rules.is_authenticated & (can_work_with_person | is_the_person))
rules.add_perm("notifications.view_deliveries", is_administrator)
rules.add_perm("notifications.retry_delivery", is_administrator & can_be_sent_again)
