from coproduction.core.personal_data import register

from .models import AuditEvent

register(
    AuditEvent,
    title="Who has seen or changed your records, and what you did",
    user_paths=["subject", "actor"],
    fields=[
        ("When", "at"),
        ("Who", "actor__full_name"),
        ("What", "action"),
        ("Record", "target_type__name"),
        ("About", "subject__full_name"),
        ("From address", "ip_address"),
    ],
    order_by=["-at", "-id"],
    limit=1000,  # about 50 pages; the complete trail comes with a subject access request
    explanation="Every time someone opens or changes a record about you, the service writes it down here.",
)
