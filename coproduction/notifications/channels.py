"""Getting one message to one person: the service's own email, or GOV.UK Notify.

Each sender raises TemporaryFailure (worth trying again later) or PermanentFailure (trying
again will not help) with plain words for an administrator: never the address, number or
message, so the sent-log and the logs hold no personal data.
"""

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, make_msgid

from .models import SERVICE_EMAIL, Channel, Delivery, Message, Preference


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


def notify_configured() -> bool:
    return bool(settings.NOTIFY_API_KEY)


def absolute_link(link: str) -> str:
    if not link or link.startswith(("http://", "https://")):
        return link
    return settings.SITE_URL.rstrip("/") + "/" + link.lstrip("/")


def email_text(message: Message) -> str:
    """The email body: what the message says and where to sign in. Never plan content."""
    parts = [message.body.strip()]
    link = absolute_link(message.link)
    if link:
        parts.append(f"Sign in to see more:\n{link}")
    parts.append(
        f"You can see all your messages, and choose how and when we contact you, in {settings.SERVICE_NAME}:\n"
        f"{absolute_link('/messages/')}"
    )
    parts.append(f"This message was sent by {settings.COUNCIL_NAME}. Please do not reply to this email.")
    return "\n\n".join(parts)


def template_for(channel: str) -> str:
    """What the sent-log records as the template: a Notify template id, or the service's own."""
    if notify_configured():
        return {
            Channel.EMAIL: settings.NOTIFY_TEMPLATE_EMAIL,
            Channel.TEXT: settings.NOTIFY_TEMPLATE_SMS,
            Channel.LETTER: settings.NOTIFY_TEMPLATE_LETTER,
        }[channel]
    return SERVICE_EMAIL if channel == Channel.EMAIL else ""


def send(*, delivery: Delivery, message: Message, preference: Preference | None) -> str:
    """Send and return the provider's reference."""
    user = message.recipient
    if notify_configured():
        return _send_notify(delivery=delivery, message=message, preference=preference)
    if delivery.channel != Channel.EMAIL:
        raise PermanentFailure("No text message or letter service is set up")
    return _send_smtp(message=message, email=user.email)


def _send_smtp(*, message: Message, email: str) -> str:
    message_id = make_msgid(domain="coproduction.invalid")
    mail = EmailMessage(subject=message.subject, body=email_text(message), to=[email], headers={"Message-ID": message_id})
    try:
        sent = mail.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _ in error.recipients.values()]
        words = f"The email server refused the address ({', '.join(map(str, codes))})"
        if all(code >= 500 for code in codes):
            raise PermanentFailure(words) from error
        raise TemporaryFailure(words) from error
    except smtplib.SMTPResponseException as error:
        # 4xx: busy or "try later"; 5xx: refused, and it will be refused again.
        words = f"The email server answered {error.smtp_code}"
        if error.smtp_code >= 500:
            raise PermanentFailure(words) from error
        raise TemporaryFailure(words) from error
    except OSError as error:  # refused connection, timeout, dropped connection
        raise TemporaryFailure(f"The email server could not be reached ({type(error).__name__})") from error
    if not sent:
        raise TemporaryFailure("The email server did not accept the message")
    return message_id


def _notify_client():
    from notifications_python_client import NotificationsAPIClient

    return NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL, timeout=settings.NOTIFY_TIMEOUT)


def _personalisation(message: Message) -> dict:
    return {
        "subject": message.subject,
        "body": message.body,
        "link": absolute_link(message.link) or absolute_link("/messages/"),
    }


def letter_address(*, name: str, address: str, postcode: str) -> dict:
    # Notify wants 3 to 7 lines, the last a UK postcode.
    lines = [name] + [line.strip() for line in address.splitlines() if line.strip()]
    lines = lines[:6] + [postcode]
    return {f"address_line_{number}": line for number, line in enumerate(lines, start=1)}


def _send_notify(*, delivery: Delivery, message: Message, preference: Preference | None) -> str:
    from notifications_python_client.errors import APIError

    client = _notify_client()
    personalisation = _personalisation(message)
    reference = f"delivery-{delivery.pk}"  # an id, never personal data
    try:
        if delivery.channel == Channel.EMAIL:
            response = client.send_email_notification(
                email_address=message.recipient.email,
                template_id=settings.NOTIFY_TEMPLATE_EMAIL,
                personalisation=personalisation,
                reference=reference,
            )
        elif delivery.channel == Channel.TEXT:
            response = client.send_sms_notification(
                phone_number=preference.mobile_number,
                template_id=settings.NOTIFY_TEMPLATE_SMS,
                personalisation=personalisation,
                reference=reference,
            )
        else:
            personalisation |= letter_address(
                name=message.recipient.full_name, address=preference.address, postcode=preference.postcode
            )
            response = client.send_letter_notification(
                template_id=settings.NOTIFY_TEMPLATE_LETTER, personalisation=personalisation, reference=reference
            )
    except APIError as error:
        # 429 (too many requests) and 5xx are worth retrying; 400/403 will fail the same way again.
        words = f"GOV.UK Notify answered {error.status_code}"
        if error.status_code == 429 or error.status_code >= 500:
            raise TemporaryFailure(words) from error
        raise PermanentFailure(words + ": check the Notify key and template ids") from error
    return str(response.get("id", ""))
