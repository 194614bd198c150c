from coproduction.core.personal_data import exempt, register

from .models import (
    Campaign,
    CampaignMember,
    Candidate,
    CandidateConflict,
    CandidateScore,
    InterviewQuestion,
    ModeratedScore,
    Outcome,
    PostValue,
    ValueComment,
)

register(
    CampaignMember,
    title="Interview panels you are on",
    user_paths=["user"],
    fields=[("Job", "campaign__post"), ("Team", "campaign__team"), ("Your place", "role"),
            ("Declared whom you know", "conflicts_declared_at"), ("Briefing pack format", "briefing_format")],
    order_by=["-campaign__closing_date"],
)
register(
    Candidate,
    title="Jobs you applied for that local people helped recruit to",
    user_paths=["user"],
    fields=[("Job", "campaign__post"), ("Team", "campaign__team"), ("Your reference", "reference"), ("Name", "name"),
            ("Added", "added_at")],
    order_by=["-added_at"],
    explanation="Deleted six months after the campaign closed (the council can set this).",
)
register(
    CandidateConflict,
    title="Candidates you said you know, on interview panels",
    user_paths=["member__user"],
    fields=[("Job", "candidate__campaign__post"), ("Candidate", "candidate__reference"), ("How you know them", "details")],
    order_by=["-declared_at"],
)
register(
    CandidateScore,
    title="Interview scores: those you gave, and those given to you",
    user_paths=["member__user", "candidate__user"],
    fields=[("Job", "candidate__campaign__post"), ("Candidate", "candidate__reference"), ("Value", "value__title"),
            ("Score", "score"), ("Reason", "reason"), ("Sent", "submitted_at")],
    order_by=["-submitted_at"],
)
register(
    ModeratedScore,
    title="Interview scores the panel agreed for you",
    user_paths=["candidate__user"],
    fields=[("Job", "candidate__campaign__post"), ("Value", "value__title"), ("Score", "score"), ("Why", "rationale")],
    order_by=["-recorded_at"],
)
register(
    ValueComment,
    title="Your comments on the values for a job",
    user_paths=["author"],
    fields=[("Job", "value__campaign__post"), ("Value", "value__title"), ("Comment", "text"), ("When", "created_at")],
    order_by=["-created_at"],
)
exempt(Campaign, reason="a job being recruited to; names only the staff member who set it up")
exempt(PostValue, reason="a value for a job, agreed by the panel; names only who proposed it as part of the panel's work")
exempt(InterviewQuestion, reason="an interview question agreed by the panel; names only who proposed it as part of the panel's work")
exempt(Outcome, reason="the panel's recommendation and the decision, by the candidate's reference; names only the staff who recorded them")
