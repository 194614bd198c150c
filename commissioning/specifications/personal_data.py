from coproduction.core.personal_data import exempt, register

from .models import (
    BidderQuestion,
    GlossaryTerm,
    SectionComment,
    Specification,
    SpecificationVersion,
)

register(
    SectionComment,
    title="Your comments on service specifications",
    user_paths=["author"],
    fields=[
        ("Specification", "section__version__specification__title"),
        ("Version", "section__version__number"),
        ("Section", "section__title"),
        ("Your comment", "text"),
        ("Wording you suggested", "proposed_wording"),
        ("Sent", "created_at"),
        ("What was done with it", "answer"),
        ("Reply", "reply"),
    ],
    order_by=["-created_at"],
)
register(
    BidderQuestion,
    title="Questions for bidders you suggested",
    user_paths=["proposed_by"],
    fields=[
        ("Specification", "criterion__version__specification__title"),
        ("Version", "criterion__version__number"),
        ("Criterion", "criterion__title"),
        ("Question", "text"),
    ],
    order_by=["pk"],
)
exempt(Specification, reason="names the staff member who started it: their work, not a record about them")
exempt(SpecificationVersion, reason="names the staff members who wrote and published it: their work, not a record about them")
exempt(GlossaryTerm, reason="names the staff member who last changed the explanation: their work, not a record about them")
