from coproduction.core.personal_data import register

from .models import CarePlan, PlanComment, Review
from coproduction.people.models import Person, Representative

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
        ("Capacity for care-planning decisions", "capacity"),
        ("Capacity assessed on", "capacity_assessed_on"),
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
register(
    CarePlan,
    title="Your care and support plans",
    user_paths=["person__user"],
    person_paths=["person"],
    fields=[("Version", "version"), ("Status", "status"), ("Agreed", "agreed_at"), ("Review due", "review_due")],
    order_by=["-version"],
    explanation="Download a plan itself, with everything in it, from the plan's page.",
)
register(
    PlanComment,
    title="Comments on plans: yours, and others' on your plan",
    user_paths=["author"],
    person_paths=["plan__person"],
    fields=[("When", "created_at"), ("Person", "plan__person__full_name"), ("Section", "section"), ("Comment", "text")],
    order_by=["-created_at"],
)
register(
    Review,
    title="Reviews of your plans",
    user_paths=["plan__person__user"],
    person_paths=["plan__person"],
    fields=[("Held on", "held_on"), ("Plan version", "plan__version"), ("Decision", "decision"), ("Why", "decision_notes")],
    order_by=["-held_on"],
)
