from coproduction.core.personal_data import exempt, register, register_contents
from coproduction.people.records import register_person_record

from .models import CarePlan, Conversation, OutcomeProgress, PlanComment, PlanLook, PlanResponse, PreparedStatement, Review, ReviewItem
from .plan_content import content_lines

register(
    CarePlan,
    title="Your care and support plans",
    user_paths=["person__user"],
    person_paths=["person"],
    fields=[
        ("Version", "version"), ("Whose plan", "person__full_name"), ("Status", "status"),
        ("Agreed", "agreed_at"), ("Who agreed it", "agreed_by_name"), ("How it was agreed", "agreed_how"), ("Date agreed", "agreed_on"),
        ("What they would still change, or how it was agreed", "agreement_notes"),
        ("Who was consulted (best interests)", "best_interests_consulted"), ("Review due", "review_due"),
    ],
    order_by=["-version"],
    explanation="Every version of your plan. What each version says is in the next section.",
)


def plan_content_rows(plan: CarePlan):
    # The CarePlan entry's "Whose plan" field fetches the person with the plan: no query here.
    for title, what, text, whose in content_lines(plan, plan.person):
        yield plan.version, title, what, text, whose


register_contents(
    CarePlan,
    name="careplan_content",
    title="What your plans say, version by version",
    headings=["Version", "Section", "Question or item", "What it says", "Whose words"],
    rows=plan_content_rows,
    explanation="Everything written in each version of your plan, in the plan's own words.",
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
    PlanResponse,
    title="When you said you did not agree with a plan yet, and why",
    user_paths=["author", "plan__person__user"],
    person_paths=["plan__person"],
    fields=[("When", "created_at"), ("Who", "author_name"), ("Plan version", "plan__version"), ("Review held on", "review__held_on"), ("Why", "reason")],
    order_by=["-created_at"],
)
register(
    Conversation,
    title="Your conversation about what matters",
    user_paths=["person__user", "updated_by"],
    person_paths=["person"],
    fields=[("Last written", "updated_at"), *((label, name) for name, label in Conversation.QUESTIONS.items()), ("Whose words", "whose")],
    order_by=["-updated_at"],
)
register(
    PreparedStatement,
    title="What you wrote to get ready for your reviews",
    user_paths=["author", "plan__person__user"],
    person_paths=["plan__person"],
    fields=[("When", "created_at"), ("About", "kind"), ("Whose words", "perspective"), ("What you wrote", "text")],
    order_by=["-created_at"],
)
exempt(PlanLook, reason="When a member of staff last opened a plan: a working note about their own use of the service, "
                        "holding nothing about the person beyond what the audit trail already records")
register(
    Review,
    title="Reviews of your plans",
    user_paths=["plan__person__user"],
    person_paths=["plan__person"],
    fields=[("Held on", "held_on"), ("Plan version", "plan__version"), ("Who took part", "took_part"), ("Decision", "decision"),
            ("Why", "decision_notes"), ("Next review", "next_review"), ("Who agreed what was decided", "agreed_by_name"),
            ("How it was agreed", "agreed_how"), ("Date agreed", "agreed_on"), ("Agreement recorded", "agreed_at"),
            ("What they would still change, or how it was agreed", "agreement_notes"),
            ("Who was consulted (best interests)", "best_interests_consulted")],
    order_by=["-held_on"],
)
register(
    ReviewItem,
    title="What was said at your reviews",
    user_paths=["review__plan__person__user"],
    person_paths=["review__plan__person"],
    fields=[("Review held on", "review__held_on"), ("About", "kind"), ("Who said it", "perspective"), ("What was said", "text")],
    order_by=["-review__held_on", "kind", "pk"],
)
register(
    OutcomeProgress,
    title="Progress towards your outcomes at reviews",
    user_paths=["review__plan__person__user"],
    person_paths=["review__plan__person"],
    fields=[("Review held on", "review__held_on"), ("Outcome", "outcome"), ("Progress", "progress"), ("Notes", "notes")],
    order_by=["-review__held_on", "pk"],
)

# The audit trail and the access review find reads of these as reads of the person's record.
register_person_record(CarePlan, "person", in_access_review=True)
register_person_record(Review, "plan__person", in_access_review=True)
