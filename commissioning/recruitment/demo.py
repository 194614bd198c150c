"""Demo data for recruiting with local people, for `manage.py seed_demo`. Idempotent: the day
opportunities programme recruits a social worker. Grace chairs the panel; Al and Maureen sit on
it with lived experience, Tom as a staff interviewer, Sam as the HR officer and Nadia as the
appointing manager. The panel agreed three values and a question for each; three candidates were
interviewed, scored by each member alone and moderated; the panel recommended C2, and Nadia has
the decision to make."""

import datetime

from django.db import transaction
from django.utils import timezone

from commissioning.demo import DAY_OPPORTUNITIES
from commissioning.models import Programme
from coproduction.accounts.models import User
from coproduction.core.demo import demo_seeder

from . import services
from .models import Campaign, CampaignMember

POST = "Social worker, day opportunities"
VALUES = [
    ("Listens and acts on it", "Hears what matters to the person, in their words, and changes what they do because of it.",
     "Tell us about a time someone told you what mattered to them. What did you do differently?"),
    ("Keeps their promises", "Does what they said they would, when they said, or tells you why not.",
     "Tell us about a time you could not do what you promised someone. What did you do?"),
    ("Sees the person, not the problem", "Starts from what the person can do and the people around them.",
     "How would you find out what a good day looks like for someone who does not use words to talk?"),
]
# Each candidate's own scores per value from Al, Maureen, Tom and Grace, and the agreed score.
SCORES = {
    "C1": ([2, 3, 2, 2], 2), "C2": ([4, 3, 4, 4], 4), "C3": ([3, 2, 3, 3], 3),
}
NAMES = ["Amira Haddad", "Ben Kowalski", "Chloe Nwosu"]


@transaction.atomic
@demo_seeder(146)
def seed_recruitment_demo() -> None:
    if Campaign.objects.filter(post=POST).exists():
        return
    programme = Programme.objects.filter(title=DAY_OPPORTUNITIES).first()
    if programme is None:
        return
    users = {user.email.split("@")[0]: user for user in User.objects.filter(email__endswith="@demo.example")}
    grace, al, mo, tom, sam, nadia = (users[key] for key in ("manager", "person", "carer", "practitioner", "admin", "head"))
    campaign = services.campaign_create(programme=programme, by=grace, data={
        "post": POST, "team": "North Adults Team", "closing_date": timezone.localdate() - datetime.timedelta(days=10),
        "about": "A social worker who helps people find and keep the day opportunities that matter to them, working with "
                 "them, their families and local groups.",
        "about_easy_read": "We want a new social worker.\nThey will help people find things to do in the day.",
    })
    role = CampaignMember.Role
    members = {"grace": CampaignMember.objects.get(campaign=campaign, user=grace)}
    for key, user, place in (("al", al, role.LIVED_EXPERIENCE), ("mo", mo, role.CARER), ("tom", tom, role.STAFF),
                             ("sam", sam, role.HR_OFFICER), ("nadia", nadia, role.APPOINTING_MANAGER)):
        members[key] = services.member_add(campaign=campaign, user=user, role=place, by=grace)
    services.briefing_send(campaign=campaign, by=grace)
    values, questions = [], []
    for (title, meaning, text), proposer in zip(VALUES, (al, mo, al)):
        value = services.value_propose(campaign=campaign, title=title, meaning=meaning, by=proposer)
        questions.append(services.question_propose(campaign=campaign, value=value, text=text, by=mo if proposer == al else al))
        values.append(value)
    services.comment_add(value=values[2], text="Could we ask about someone who does not use words? Like my husband.", by=mo)
    services.values_agree(campaign=campaign, value_ids=[v.pk for v in values], question_ids=[q.pk for q in questions], by=grace)
    campaign.refresh_from_db()
    candidates = {}
    for name in NAMES:
        candidate = services.candidate_add(campaign=campaign, name=name, by=sam)
        candidates[candidate.reference] = candidate
    scorers = [members[key] for key in ("al", "mo", "tom", "grace")]
    for member in scorers:
        services.conflicts_declare(member=member, known={}, by=member.user)
        member.refresh_from_db()
    reasons = ["Gave a real example and said what changed.", "Some good points, but talked about systems more than people.",
               "Warm; I would want them to visit me.", "Clear and honest answer."]
    for reference, (own, agreed) in SCORES.items():
        for member, score, reason in zip(scorers, own, reasons):
            services.scores_submit(member=member, candidate=candidates[reference],
                                   entered={v.pk: (score, reason) for v in values}, by=member.user)
        services.moderation_record(member=members["grace"], candidate=candidates[reference],
                                   entered={v.pk: (agreed, "The panel talked it through and agreed.") for v in values}, by=grace)
    services.recommend(campaign=campaign, candidate=candidates["C2"], by=grace,
                       text="C2 had the highest agreed score on every value. Al and Maureen said they would want C2 to visit them.")
