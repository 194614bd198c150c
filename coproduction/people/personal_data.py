from coproduction.core.personal_data import register

from .models import Person, Representative
from .records import register_person_record

register(
    Person,
    title="Your care and support record",
    user_paths=["user"],
    person_paths=["pk"],
    fields=[
        ("Full name", "full_name"),
        ("Preferred name", "preferred_name"),
        ("Date of birth", "date_of_birth"),
        ("Pronouns", "pronouns"),
        ("Communication and access needs", "communication_need_labels"),
        ("Interpreter language", "interpreter_language"),
        ("Best time and place to meet", "best_time_and_place"),
        ("Postcode (to find local groups and places near you)", "postcode"),
        ("Capacity for care-planning decisions", "capacity"),
        ("Capacity assessed on", "capacity_assessed_on"),
        ("Case management system ID", "case_system_id"),
        ("NHS number", "nhs_number_display"),
        ("Team", "team__name"),
        ("Practitioner", "practitioner__full_name"),
    ],
)
register(
    Representative,
    title="Carers, family and advocates: people you represent, and people who represent you",
    user_paths=["user"],
    person_paths=["person"],
    fields=[
        ("Person", "person__full_name"),
        ("Representative", "name"),
        ("Relationship", "relationship"),
        ("Why you may see their plan", "basis"),
        ("Recorded", "recorded_on"),
        ("Withdrawn", "withdrawn_on"),
    ],
    explanation="Carers, family members and advocates see a person's plan only while the person agrees, or on another recorded basis.",
)

register_person_record(Representative, "person")
