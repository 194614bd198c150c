"""The demo: messages in every demo account's list, a failed email for the administrator, no emails."""

from bs4 import BeautifulSoup
from django.urls import reverse

from coproduction.accounts.models import Role
from coproduction.core.management.commands.seed_demo import DEMO_ACCOUNTS
from coproduction.notifications.demo import seed_notifications_demo
from coproduction.notifications.models import Delivery, Message
from coproduction.notifications.selectors import messages_for
from tests.coproduction.accounts.factories import UserFactory


def test_every_demo_account_has_read_and_unread_messages_and_nobody_is_emailed(client_as, mailbox, deliver_now):
    users = [UserFactory(email=email, full_name=name, roles=roles) for email, name, _, roles, *_ in DEMO_ACCOUNTS]
    seed_notifications_demo()
    seed_notifications_demo()  # idempotent
    for user in users:
        messages = list(messages_for(user=user))
        assert len(messages) >= 2, user.email
        assert any(message.read_at for message in messages) and any(not message.read_at for message in messages), user.email
    assert len({message.key for message in Message.objects.all()}) == Message.objects.values("key").distinct().count()
    assert deliver_now() == 0
    assert mailbox.messages == []
    # Al chose letters and Mo texts: without GOV.UK Notify, recorded as not sent.
    assert set(Delivery.objects.filter(message__recipient__email="person@demo.example").values_list("status", flat=True)) == {"not_sent"}
    assert set(Delivery.objects.filter(message__recipient__email="carer@demo.example").values_list("status", flat=True)) == {"not_sent"}

    admin = next(user for user in users if Role.ADMINISTRATOR in user.roles)
    page = BeautifulSoup(client_as(admin).get(reverse("notifications:delivery_list")).content, "html.parser")
    first = page.select_one("tbody tr").get_text(" ", strip=True)
    assert first.startswith("Tom Okafor") and "Failed" in first
    assert "Send again to Tom Okafor" in page.select_one("tbody tr button").get_text(" ", strip=True)
