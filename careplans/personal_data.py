from coproduction.core.personal_data import register

from .models import CarePlan, PlanComment, Review
from coproduction.people.records import register_person_record

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

# The audit trail and the access review find reads of these as reads of the person's record.
register_person_record(CarePlan, "person", in_access_review=True)
register_person_record(Review, "plan__person", in_access_review=True)
