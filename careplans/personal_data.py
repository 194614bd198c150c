from coproduction.core.personal_data import register

from .models import CarePlan, PlanComment, Review
from coproduction.people.records import register_person_record

register(
    CarePlan,
    title="Your care and support plans",
    user_paths=["person__user"],
    person_paths=["person"],
    # What the plan says is the person's data as much as its dates: a copy of their data has it.
    fields=[
        ("Version", "version"), ("Status", "status"), ("Agreed", "agreed_at"), ("Review due", "review_due"),
        ("What the plan says", "in_words"),
    ],
    order_by=["-version"],
    explanation="Everything written in each plan. Download a plan itself, laid out, from the plan's page.",
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

# The audit trail and the access review find reads of these as reads of the person's record.
register_person_record(CarePlan, "person", in_access_review=True)
register_person_record(Review, "plan__person", in_access_review=True)
