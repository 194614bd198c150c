from coproduction.core.personal_data import exempt, register

from coproduction.people.records import register_person_record

from .models import (
    Checklist,
    Goal,
    PracticeAction,
    PracticeGroup,
    PracticeGroupMember,
    PracticeShare,
    Rating,
    SharedStory,
    StatementSet,
    SurveyRound,
)

register(
    Checklist,
    title="Co-production checklists",
    user_paths=["person__user", "entered_by", "practitioner"],
    person_paths=["person"],
    fields=[
        ("Whose view", "perspective"),
        ("Questions", "part"),
        ("About", "person__full_name"),
        ("How it was completed", "completed_with"),
        ("Started", "started_at"),
        ("Sent", "submitted_at"),
        ("Statements version", "statement_set__version"),
    ],
    order_by=["-started_at"],
)
register(
    Rating,
    title="Checklist answers",
    user_paths=["checklist__person__user", "checklist__entered_by", "checklist__practitioner"],
    person_paths=["checklist__person"],
    fields=[
        ("Sent", "checklist__submitted_at"),
        ("Whose view", "checklist__perspective"),
        ("Statement", "statement__number"),
        ("What the statement says", "statement__wording"),
        ("Rating", "answer_label"),
        ("Comment or story", "comment"),
    ],
    order_by=["-checklist__started_at", "statement__number"],
)
register(
    Goal,
    title="Goals agreed with you",
    user_paths=["practitioner"],
    fields=[
        ("Statement", "statement__number"),
        ("Target", "target_score"),
        ("By", "due_on"),
        ("What it looks like", "examples"),
        ("Status", "status"),
        ("Progress notes", "progress_notes"),
    ],
)
register(
    SharedStory,
    title="Your stories chosen to share",
    user_paths=["rating__checklist__person__user", "rating__checklist__entered_by"],
    person_paths=["rating__checklist__person"],
    fields=[("Story", "rating__comment"), ("Chosen", "chosen_at"), ("Agreed by", "consent_from"), ("Shared across the council", "shared_at")],
)
register(
    PracticeGroupMember,
    title="Practice groups of managers you are in",
    user_paths=["manager"],
    fields=[("Group", "group__name"), ("Your team", "team__name"), ("Joined", "joined_on"), ("Left", "left_on")],
)
register(
    PracticeShare,
    title="What you shared with practice groups",
    user_paths=["shared_by"],
    fields=[("Group", "group__name"), ("Statement", "statement__number"), ("Examples", "examples"), ("Shared", "shared_at")],
)
exempt(PracticeGroup, reason="a group's name and the statement it looks at; names only the manager who started it")
exempt(PracticeAction, reason="an action a group of managers agreed, recorded as part of their work")
exempt(StatementSet, reason="Records only which administrator published a version of the statements: part of the audit trail.")
exempt(SurveyRound, reason="Records only which manager opened a survey: part of the audit trail.")

# Reads of a checklist about a person count as reads of their records in their audit export.
register_person_record(Checklist, "person")
