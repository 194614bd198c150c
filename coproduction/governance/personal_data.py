from coproduction.core.personal_data import register

from .models import Consent

register(
    Consent,
    title="Consents you have given or withdrawn",
    user_paths=["user", "person__user", "representative__user"],
    person_paths=["person"],
    fields=[
        ("Date", "recorded_at"),
        ("What it is for", "purpose"),
        ("Given or withdrawn", "event"),
        ("Given by", "given_by"),
        ("Wording version", "wording_version"),
        ("Words shown", "wording"),
        ("Notes", "notes"),
    ],
    order_by=["-recorded_at", "-pk"],
)

# Retention: a person's own erasure requests are theirs; runs and anonymised-record marks hold no one's data.
from .models import ErasureRequest  # noqa: E402

register(
    ErasureRequest,
    title="Your requests to erase your data",
    user_paths=["person__user", "user"],
    person_paths=["person"],
    fields=[
        ("Date received", "received_on"),
        ("What you asked", "reason"),
        ("Outcome", "status"),
        ("Reason the council kept the record", "ground"),
    ],
    order_by=["-recorded_at", "-pk"],
)
