"""Personal data held by the involvement app (see coproduction/core/personal_data.py)."""

from coproduction.core.personal_data import exempt, register

from .models import (
    AssessmentRound,
    Claim,
    ClaimExport,
    InvolvementProfile,
    LocalPopulationFigure,
    Participation,
    PeerResearcher,
    RecognitionRate,
    SelfCheck,
)

# ---- Involvement profiles, participation snapshots, peer researchers -----------------------

register(
    InvolvementProfile,
    title="Your involvement profile",
    user_paths=["user"],
    fields=[
        ("How you like to be contacted", "contact_method"),
        ("More about contacting you", "contact_notes"),
        ("Document format", "preferred_format"),
        ("What helps you take part", "access_needs_list"),
        ("Times that suit you", "suitable_times_labels"),
        ("Places that suit you", "suitable_places_labels"),
        ("More about times and places", "times_and_places_notes"),
        ("Recognition you prefer", "recognition_labels"),
        ("Age", "age_band"),
        ("Sex", "sex"),
        ("Gender identity", "gender_identity"),
        ("Ethnic group", "ethnicity"),
        ("Disability", "disability"),
        ("Religion", "religion"),
        ("Sexual orientation", "sexual_orientation"),
        ("Unpaid carer", "carer_status"),
    ],
)
register(
    Participation,
    title="What you took part in, and your equality answers at the time",
    user_paths=["user"],
    fields=[
        ("Activity", "activity__title"),
        ("Programme", "programme__title"),
        ("Date", "took_part_on"),
        ("Age", "age_band"),
        ("Sex", "sex"),
        ("Gender identity", "gender_identity"),
        ("Ethnic group", "ethnicity"),
        ("Disability", "disability"),
        ("Religion", "religion"),
        ("Sexual orientation", "sexual_orientation"),
        ("Unpaid carer", "carer_status"),
    ],
    order_by=["-took_part_on", "pk"],
    explanation="We keep your equality answers as they were when you took part, and count them only in groups of 5 or more.",
)
register(
    PeerResearcher,
    title="Peer research you were recruited and trained for",
    user_paths=["member__user"],
    fields=[("Programme", "programme__title"), ("Recruited", "recruited_on"), ("Trained", "trained_on"), ("About the training", "training_notes")],
    order_by=["-recruited_on", "pk"],
)
exempt(LocalPopulationFigure, reason="counts of residents for the area; names only the staff member who entered them")


# ---- Recognition ledger, self-assessment and self-check ------------------------------------

register(
    Claim,
    title="Your claims for recognition and expenses",
    user_paths=["claimant"],
    fields=[
        ("Activity", "activity__title"),
        ("Programme", "activity__programme__title"),
        ("Date of the activity", "activity__happened_on"),
        ("Type", "kind"),
        ("What for", "category"),
        ("Amount (£)", "amount"),
        ("Details", "description"),
        ("Status", "status"),
        ("What the organiser asked", "query_reason"),
        ("Made", "created_at"),
    ],
    order_by=["-created_at", "pk"],
    explanation="Payments and vouchers may affect benefits; expenses do not.",
)
register(
    AssessmentRound,
    title="Spectrum of Practice self-assessments you helped with",
    user_paths=["assessors"],
    fields=[("Round", "title"), ("Date", "assessed_on")],
    order_by=["-assessed_on", "pk"],
)
register(
    SelfCheck,
    title="Your “doing with, not doing to” self-checks",
    user_paths=["practitioner"],
    fields=[("Date", "completed_on"), ("Your answers", "answers_text"), ("What you said you would change", "will_change")],
    order_by=["-completed_on", "pk"],
)
exempt(RecognitionRate, reason="a rate the council pays; names only the staff member who set it")
exempt(ClaimExport, reason="a batch of claims sent to finance; names only the staff member who made it")
