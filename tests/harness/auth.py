"""Signing in for tests, two-factor included, the way a real session would be."""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def login_as(client: Client, user) -> Client:
    client.force_login(user)
    if user.needs_mfa:
        # As if the user had entered a code from their authenticator app.
        device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"name": "Test app", "confirmed": True})
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
