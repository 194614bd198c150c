"""Demo care and support plans for the people on Tom's caseload."""

from coproduction.accounts.models import User
from coproduction.core.demo import demo_day, demo_seeder


def agreed_plan_content(goal: str, *, lacks_capacity: bool = False) -> dict:
    """A short plan with every section complete, for the demo's many agreed plans beyond Tom's
    named people: an agreed plan never shows a section not yet started."""

    def words(text, whose="person"):
        return {"text": text, "whose": whose}

    done = "completed"
    sections = {
        "goals": {"status": done, "fields": {"goals": words(goal)}},
        "important": {"status": done, "fields": {"enjoy": words("Seeing friends, a walk when the weather is fine, the radio.")}},
        "support_decisions": {"status": done, "fields": {"support": words("A little help in the mornings, from people I know.")}},
        "outcomes": {"status": done, "lists": {
            "outcomes": [{"id": "o1", "outcome": "Stay well at home", "whose": "person"}],
            "options": [{"id": "p1", "option": "Home care in the mornings", "chosen": "yes", "why": "I want to stay at home", "whose": "person"}]}},
        "needs": {"status": done, "fields": {
            "needs": words("Help getting up and dressed.", "practitioner"),
            "eligibility": words("Eligible: unable to achieve two or more outcomes, with a significant impact on wellbeing.", "practitioner")},
            "lists": {"support": [{"id": "s1", "need": "Getting up and dressed", "who": "Home care", "what": "Help to get up and dress",
                                   "when": "Every morning", "kind": "paid", "whose": "practitioner"}]}},
        "budget": {"status": done, "fields": {"management": "council"}, "lists": {"items": [
            {"id": "b1", "what": "Home care, 7 hours a week", "weekly": "175.00", "whose": "practitioner"}]}},
        "contingency": {"status": done, "fields": {"plan": words("Ring my family first, then the council's out-of-hours team.")}},
        "involvement": {"status": done, "fields": {"how": words("We talked it through at home."), "listened": "yes"}},
        "agreement": {"status": done, "fields": {"copy_how": "in_person", "copy_format": "standard", "review_date": "2027-06-01"}},
    }
    if lacks_capacity:
        sections["consultation"] = {"status": done, "lists": {"consulted": [
            {"id": "k1", "name": "Their family", "relationship": "Family", "how": "At home", "said": "Home is best.", "whose": "representative"}]}}
    return {"sections": sections}


@demo_seeder(20)
def seed_plans_demo() -> None:
    """Plans at different stages: agreed, a draft, an overdue review, someone lacking capacity."""
    from datetime import timedelta

    from django.utils import timezone

    from careplans.models import AgreedHow, CarePlan, Conversation, PlanComment, PreparedStatement, Review, ReviewItem
    from coproduction.people.models import Person

    tom = User.objects.get(email="practitioner@demo.example")
    today = timezone.localdate()

    def words(text, whose="person"):
        return {"text": text, "whose": whose}

    alan_content = {"sections": {
        "goals": {"status": "completed", "fields": {"goals": words("I want to get back to my allotment and grow my own veg again, and see my grandson on Saturdays.")}},
        "important": {"status": "completed", "fields": {
            "how_i_live": words("I like my own company in the morning. Don't rush me."),
            "enjoy": words("Gardening, the radio, a proper cup of tea. I can't stand daytime TV."),
            "people": words("Mo, my wife. My grandson Jack. My mate Dennis from the allotments."),
            "routines": words("Up at seven, tablets with breakfast, out by ten if my legs allow.")}},
        "support_decisions": {"status": "completed", "fields": {
            "support": words("Help with getting washed and dressed, and someone to drive me to the allotment."),
            "decisions": words("Talk to me, not to Mo about me. Write things down in big print.")}},
        "outcomes": {"status": "completed", "lists": {
            "outcomes": [{"id": "o1", "outcome": "Back at the allotment twice a week", "whose": "person"},
                         {"id": "o2", "outcome": "Mo gets a break on Tuesdays", "whose": "representative"}],
            "options": [
                {"id": "p1", "option": "Personal assistant paid by a direct payment", "benefits": "Al chooses who and when", "risks": "Finding the right person takes time", "chosen": "yes", "why": "Al wants to choose who helps him", "whose": "practitioner"},
                {"id": "p2", "option": "Day centre", "benefits": "Company, meals", "risks": "Not what Al enjoys", "chosen": "no", "why": "Al would rather be at the allotment", "whose": "person"}]}},
        "needs": {"status": "completed", "fields": {
            "needs": words("Personal care each morning; getting out into the community.", "practitioner"),
            "eligibility": words("Eligible: unable to achieve two or more outcomes, with a significant impact on wellbeing.", "practitioner")},
            "lists": {"support": [
                {"id": "s1", "need": "Personal care", "who": "Personal assistant", "what": "Help to wash and dress", "when": "Every morning, 8 to 9", "kind": "paid", "whose": "practitioner"},
                {"id": "s2", "need": "Getting out", "who": "Greenway Community Hub allotment group", "what": "Lift and company", "when": "Tuesdays and Fridays", "kind": "community", "whose": "practitioner"},
                {"id": "s3", "need": "Company", "who": "Mo", "what": "Evenings and weekends", "when": "Most days", "kind": "informal", "whose": "representative"}]}},
        "budget": {"status": "completed", "fields": {"management": "direct_payment"}, "lists": {"items": [
            {"id": "b1", "what": "Personal assistant, 7 hours a week", "weekly": "126.00", "whose": "practitioner"},
            {"id": "b2", "what": "Allotment society membership", "weekly": "1.50", "whose": "person"}]}},
        "contingency": {"status": "completed", "fields": {"plan": words("If my PA can't come, ring Mo first, then the council's out-of-hours team.")},
            "lists": {"contacts": [{"id": "c1", "name": "Maureen Marsh", "relationship": "Wife", "phone": "07700 900123", "whose": "person"}]}},
        "involvement": {"status": "completed", "fields": {"how": words("We wrote it at my kitchen table over two visits."), "listened": "yes"}},
        "agreement": {"status": "completed", "fields": {"representative_seen": "yes", "copy_how": "in_person", "copy_format": "easy_read", "copy_date": (today - timedelta(days=30)).isoformat(), "review_date": (today + timedelta(weeks=5)).isoformat()}},
    }}
    # Edie's plan was agreed in her best interests, so every section that applies is complete: what
    # Jean said for her, what Edie herself said with Tom, and what the council decided.
    edith_content = agreed_plan_content("", lacks_capacity=True)
    edith_content["sections"].update({
        "goals": {"status": "completed", "fields": {"goals": words("Edie wants to stay in her own home, with her cat, near her church.", "representative")}},
        "important": {"status": "completed", "fields": {
            "how_i_live": words("Quietly, at home. My cat Sooty, my chair by the window.", "with_practitioner"),
            "people": words("Jean, my daughter. Father Michael and the ladies from St Mary's.", "with_practitioner")}},
        "support_decisions": {"status": "completed", "fields": {
            "support": words("Gently, in the mornings, by someone Edie knows. Speak clearly and face her: she uses a hearing aid.", "representative")}},
        "consultation": {"status": "completed", "lists": {"consulted": [
            {"id": "k1", "name": "Jean Clarke", "relationship": "Daughter", "how": "At Edie's home, with Edie there", "said": "Mum is happiest at home; mornings are her best time.", "whose": "representative"}]}},
        "contingency": {"status": "completed", "fields": {"plan": words("If the carer cannot come, ring Jean, then the council's out-of-hours team.", "representative")},
            "lists": {"contacts": [{"id": "c1", "name": "Jean Clarke", "relationship": "Daughter", "phone": "07700 900456", "whose": "representative"}]}},
        "involvement": {"status": "completed", "fields": {"how": words("Tom talked with me and Jean at my kitchen table, with my hearing aid in.", "with_practitioner"), "listened": "partly"}},
        "agreement": {"status": "completed", "fields": {"representative_seen": "yes", "copy_how": "in_person", "copy_format": "easy_read", "copy_date": (today - timedelta(days=30)).isoformat(), "review_date": (today - timedelta(days=10)).isoformat()}},
    })
    # Rosa writes her own draft from "My plan". She and Tom both changed "What is important to
    # me" at once: Tom's save was refused with both texts shown, and he kept her words and added his.
    written_at = (timezone.now() - timedelta(days=2)).isoformat()
    rosa_content = {"sections": {
        "goals": {"status": "in_progress", "version": 1, "fields": {"goals": words("Use what I've learned to help other people get the support they need.")},
                  "changes": [{"at": written_at, "side": "person", "by_name": "Rosa", "what": "What I want to achieve, and my hopes for the future",
                               "before": "", "after": "Use what I've learned to help other people get the support they need."}]},
        "important": {"status": "in_progress", "version": 2, "fields": {
            "how_i_live": words("Busy. I volunteer at the hub three days a week and I don't want that to stop."),
            "routines": words("Physio on Mondays, so no visits then.", "practitioner")},
            "changes": [
                {"at": written_at, "side": "person", "by_name": "Rosa", "what": "How I like to live my life", "before": "",
                 "after": "Busy. I volunteer at the hub three days a week and I don't want that to stop."},
                {"at": written_at, "side": "staff", "by_name": "Tom Okafor", "what": "My routines", "before": "", "after": "Physio on Mondays, so no visits then."},
            ]},
    }}
    # Al agreed his plan on screen, in his own account; Edie lacks capacity to agree hers, so Tom
    # made a best-interests decision after consulting her daughter.
    al_user = User.objects.filter(email="person@demo.example").first()
    agreements = {
        "Alan Marsh": {"agreed_by": al_user or tom, "agreed_how": AgreedHow.ON_SCREEN, "agreed_by_name": "Alan Marsh",
                       "agreement_notes": "I might want Saturdays too, once the allotment is going again."},
        "Edith Clarke": {"agreed_by": tom, "agreed_how": AgreedHow.BEST_INTERESTS, "agreed_by_name": tom.full_name,
                         "best_interests_consulted": "Jean Clarke, Edie's daughter, at Edie's home with Edie there: "
                                                     "Mum is happiest at home, and mornings are her best time."},
    }
    for name, content, status, review_due in [
        ("Alan Marsh", alan_content, CarePlan.Status.AGREED, today + timedelta(weeks=5)),
        ("Edith Clarke", edith_content, CarePlan.Status.AGREED, today - timedelta(days=10)),
        ("Rosa Benedetti", rosa_content, CarePlan.Status.DRAFT, None),
    ]:
        person = Person.objects.get(full_name=name)
        if person.plans.exists():
            continue
        agreed = status == CarePlan.Status.AGREED
        plan = CarePlan.objects.create(
            person=person, version=1, status=status, content=content, created_by=tom, review_due=review_due,
            agreed_at=timezone.now() - timedelta(days=30) if agreed else None,
            agreed_on=today - timedelta(days=30) if agreed else None, **agreements.get(name, {}),
        )
        if name == "Alan Marsh":
            PlanComment.objects.create(plan=plan, section="goals", author=person.user, text="And Dennis says the leeks need me.")
            # Before the plan, he and Tom talked about what matters to him, in his words.
            Conversation.objects.create(
                person=person, whose=Conversation.Whose.WITH_PRACTITIONER, updated_by=tom, updated_at=timezone.now() - timedelta(days=40),
                what_matters="Being outside, growing things, and seeing our Jack on Saturdays.",
                good_at="Veg. I've grown leeks for forty years. I can fix most things with a bit of wire.",
                people_places="Mo. Jack. Dennis and the lads at the allotments on Fell Lane. The Rose and Crown on a Friday.",
                working="Mo drives me up to the allotment when she can, and Dennis waters when I can't get there.",
            )
            # His first review, two weeks ago: carry on as planned. He agreed what was decided on screen.
            held = today - timedelta(days=14)
            review = Review.objects.create(
                plan=plan, held_on=held, took_part="Al, Mo and Tom Okafor (social worker)", decision=Review.Decision.CONTINUE,
                decision_notes="The PA and the lifts are working; look again at mornings if the PA is late.", next_review=review_due,
                finished_at=timezone.now() - timedelta(days=14), created_by=tom, agreed_at=timezone.now() - timedelta(days=12),
                agreed_by=person.user or tom, agreed_how=AgreedHow.ON_SCREEN, agreed_by_name="Alan Marsh", agreed_on=today - timedelta(days=12),
                agreement_notes="Fine by me. Saturdays can wait till spring.",
            )
            ReviewItem.objects.create(review=review, kind=ReviewItem.Kind.WORKING, perspective=ReviewItem.Perspective.PERSON,
                                      text="Getting up to the allotment twice a week again.")
            # Getting ready for his next review, in his own words: Tom sees these when it starts.
            for kind, text in [
                ("working", "My PA gets me to the allotment on Tuesdays and Fridays, rain or shine."),
                ("not_working", "Mornings are rushed when the PA is late, and then I'm tired all day."),
                ("important_future", "I want to enter my leeks in the village show in September."),
            ]:
                PreparedStatement.objects.create(plan=plan, kind=kind, perspective="person", text=text, author=person.user)



@demo_seeder(152)
def seed_closed_record_demo() -> None:
    """A care record closed nine years ago, so tonight's retention dry run shows it due for anonymising."""
    from datetime import timedelta

    from django.utils import timezone

    from careplans.models import CarePlan, Review, ReviewItem
    from coproduction.people.models import Person

    al = Person.objects.filter(user__email="person@demo.example").first()
    tom = User.objects.filter(email="practitioner@demo.example").first()
    if al is None or tom is None:
        return
    now = timezone.now()
    closed_on = now - timedelta(days=9 * 365 + 40)
    closed_on -= closed_on.date() - demo_day(closed_on.date(), earlier=True)  # the review was on a working day
    if not Person.objects.filter(full_name="Edith Morley", team=al.team).exists():
        edith = Person.objects.create(full_name="Edith Morley", preferred_name="Edie", team=al.team,
                                      best_time_and_place="Mornings at home", created_at=closed_on - timedelta(days=700))
        plan = CarePlan.objects.create(person=edith, version=1, status=CarePlan.Status.AGREED, created_by=tom,
                                       agreed_by=tom, agreed_at=closed_on - timedelta(days=365), created_at=closed_on - timedelta(days=400),
                                       content=agreed_plan_content("To stay living at home, near the lunch club."))
        review = Review.objects.create(plan=plan, held_on=closed_on.date(), decision=Review.Decision.CLOSE, created_by=tom,
                                       decision_notes="Edie moved to live near her son in Devon.", finished_at=closed_on)
        ReviewItem.objects.create(review=review, kind=ReviewItem.Kind.WORKING, perspective=ReviewItem.Perspective.PERSON,
                                  text="The lunch club got me out of the house.")
        CarePlan.objects.filter(pk=plan.pk).update(updated_at=closed_on)
