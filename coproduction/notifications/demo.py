"""Demo messages, so every demo account's Messages list shows what the service sends.

Made through notify(), as real events make them. Seeding never emails anyone: the deliveries
queued for demo accounts (here and by other apps' demo events) are recorded as sent before the
transaction commits, so nothing is queued. One email is left failed, for the administrator's Sent messages page.
"""

from coproduction.core.demo import demo_seeder
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from coproduction.accounts.models import Role

from .models import Channel, Delivery, Message, Preference
from .selectors import unread_cache_key
from .services import notify
from .topics import Topic

DEMO_KEY = "demo:"


def _link(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return reverse("notifications:message_list")


# (key, topic, subject, body, link url name, days ago, read)
FOR_PEOPLE = [
    ("plan-agreed", Topic.PLAN_CHANGED, "Your care and support plan has been agreed",
     "Your practitioner has recorded your plan as agreed. Sign in to read it, and tell them if anything is wrong.",
     "careplans:my_plan", 20, True),
    ("review-due", Topic.REVIEW_DUE, "Your plan review is coming up",
     "It is nearly time to look at your care and support plan again. Your practitioner will contact you to arrange a time. You can write down what is working and what is not before then.",
     "careplans:my_plan", 3, False),
]
FOR_CARERS = [
    ("review-due-representative", Topic.REVIEW_DUE, "A review of a plan you help with is coming up",
     "A care and support plan you help with will be reviewed soon. Sign in to see the date and say what you think.",
     "notifications:message_list", 4, False),
    ("claim-paid", Topic.CLAIM, "Your expenses claim has been approved",
     "Your claim for travel to the day services workshop has been approved. It will be paid within 10 working days.",
     "involvement:profile", 12, True),
]
FOR_PRACTITIONERS = [
    ("reviews-due", Topic.REVIEW_DUE, "Reviews coming up on your caseload",
     "Some reviews on your caseload are due in the next 2 weeks. Sign in to see who and when.",
     "careplans:caseload", 2, False),
    ("reviews-overdue", Topic.REVIEW_OVERDUE, "A review on your caseload is overdue",
     "A review is past its date. Sign in to see it and arrange it, or record why it is later.",
     "careplans:caseload", 6, True),
]
FOR_MANAGERS = [
    ("team-reviews-overdue", Topic.REVIEW_OVERDUE, "Reviews overdue in your team",
     "Some reviews in your team are past their date. Sign in to see the team's caseload.",
     "careplans:caseload", 1, False),
    ("checklist-open", Topic.CHECKLIST, "The checklist is open for your team",
     "A new round of the co-production checklist has started. Sign in to see how your team is doing.",
     "checklist:dashboard", 9, True),
]
FOR_COMMISSIONING = [
    ("panel-pack", Topic.PANEL, "Procurement panel: the briefing pack is ready",
     "The briefing pack for the day services panel is ready. Sign in to read it before the panel meets.",
     "commissioning:programme_list", 2, False),
    ("budgeting-results", Topic.BUDGETING, "Participatory budgeting: the results are in",
     "Voting has closed and the results are ready to see.",
     "commissioning:programme_list", 8, True),
]
FOR_EVERYONE = [
    ("workshop-invitation", Topic.INVITATION, "Invitation: Day services workshop on Tuesday 3 March",
     "You are invited to a workshop about day services, 10am to 12:30pm at Greenway Community Hub. The room has step-free access and a hearing loop. Sign in to say if you can come.",
     "notifications:message_list", 5, False),
    ("your-data-ready", Topic.REPORT_READY, "The report you asked for is ready",
     "The report you asked for is ready to download. It will be kept for 30 days.",
     "reports:my_data", 15, True),
]


def _messages_for(user) -> list:
    roles = set(user.roles)
    chosen = list(FOR_EVERYONE)
    if Role.PERSON in roles:
        chosen += FOR_PEOPLE
    if Role.CARER in roles:
        chosen += FOR_CARERS
    if Role.PRACTITIONER in roles:
        chosen += FOR_PRACTITIONERS
    if Role.TEAM_MANAGER in roles or Role.HEAD_OF_SERVICE in roles:
        chosen += FOR_MANAGERS
    if Role.COMMISSIONER in roles:
        chosen += FOR_COMMISSIONING
    return chosen


@demo_seeder(900)
def seed_notifications_demo() -> None:
    User = get_user_model()
    users = list(User.objects.filter(email__endswith="@demo.example", is_active=True).order_by("pk"))
    by_email = {user.email: user for user in users}
    # Al wants letters and Mo texts (the number is in the range kept for drama), so the person
    # record and the Sent messages page show both; without GOV.UK Notify they are "not sent".
    for email, values in (
        ("person@demo.example", {"channel": Channel.LETTER, "address": "14 Mill Lane\nKendal", "postcode": "LA9 4DL"}),
        ("carer@demo.example", {"channel": Channel.TEXT, "mobile_number": "07700900123"}),
    ):
        if email in by_email:
            Preference.objects.get_or_create(user=by_email[email], defaults=values)

    now = timezone.now()
    for user in users:
        for key, topic, subject, body, url_name, days_ago, read in _messages_for(user):
            full_key = DEMO_KEY + key
            if notify(recipients=user, topic=topic, subject=subject, body=body, link=_link(url_name), key=full_key):
                at = now - timedelta(days=days_ago, hours=user.pk % 5)
                Message.objects.filter(recipient=user, key=full_key).update(
                    created_at=at, read_at=at + timedelta(hours=2) if read else None
                )
    # Read and unread were set directly: the header counts are worked out afresh.
    cache.delete_many([unread_cache_key(user.pk) for user in users])
    # One email that could not be sent, for the administrator to see and send again.
    Delivery.objects.filter(
        message__recipient__email="practitioner@demo.example", message__key=DEMO_KEY + "reviews-overdue",
        status=Delivery.Status.QUEUED,
    ).update(
        status=Delivery.Status.FAILED, attempts=7, updated_at=now,
        error="Gave up after 7 tries: The email server could not be reached (ConnectionRefusedError)",
    )
    # Seeding does not email the demo accounts: the rest, and those other apps' demo events
    # queued, are recorded as sent.
    Delivery.objects.filter(message__recipient__email__endswith="@demo.example", status=Delivery.Status.QUEUED).update(
        status=Delivery.Status.SENT, attempts=1, sent_at=now, updated_at=now, provider_reference="demo"
    )
