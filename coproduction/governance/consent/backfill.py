"""Register rows for consents recorded before the register existed (run by migration 0001).

Representatives added on the consent basis, stories already shared, each person's answer
about review statements and the involvement profiles people made: what was agreed is known, the words shown are not, so the version
says so. Safe to run again: a consent that already has a row is left alone."""

UNKNOWN_VERSION = "unknown: recorded before the register"
BATCH = 2000


def _people_model(apps, name: str):
    # Migration 0001 may run before the person record moved to the people app (same table).
    try:
        return apps.get_model("people", name)
    except LookupError:
        return apps.get_model("careplans", name)


def backfill(apps) -> int:
    Consent = apps.get_model("governance", "Consent")
    Representative = _people_model(apps, "Representative")
    SharedStory = apps.get_model("checklist", "SharedStory")
    Person = _people_model(apps, "Person")
    InvolvementProfile = apps.get_model("involvement", "InvolvementProfile")
    have = set(Consent.objects.values_list("subject_key", flat=True).distinct())
    rows = []

    def add(**fields):
        rows.append(Consent(wording_version=UNKNOWN_VERSION, wording="", **fields))

    reps = Representative.objects.filter(basis="consent").order_by("pk")
    for rep in reps.iterator(chunk_size=BATCH):
        key = f"representative:{rep.pk}"
        if key in have:
            continue
        common = {"purpose": "representative_plan", "subject_key": key, "person_id": rep.person_id, "representative_id": rep.pk}
        add(event="given", given_by="person", notes=rep.basis_notes, recorded_by_id=rep.recorded_by_id,
            recorded_at=rep.recorded_on, **common)
        if rep.withdrawn_on is not None:
            add(event="withdrawn", recorded_by_id=rep.withdrawn_by_id, recorded_at=rep.withdrawn_on, **common)

    given_by = {"person": "person", "representative": "representative", "practitioner": "practitioner"}
    stories = SharedStory.objects.filter(shared_at__isnull=False).select_related("rating__checklist").order_by("pk")
    for story in stories.iterator(chunk_size=BATCH):
        key = f"story:{story.pk}"
        if key in have:
            continue
        checklist = story.rating.checklist
        if checklist.perspective == "person" and checklist.person_id:
            subject = {"person_id": checklist.person_id}
            if story.consent_from == "representative":
                subject["representative_id"] = checklist.representative_id
        else:
            subject = {"user_id": checklist.practitioner_id or checklist.entered_by_id}
        add(purpose="story_shared", event="given", subject_key=key, story_id=story.pk,
            given_by=given_by.get(story.consent_from, ""), notes=story.consent_notes,
            recorded_by_id=story.consent_recorded_by_id or story.chosen_by_id, recorded_at=story.shared_at, **subject)

    # Review statements were used unless the person said no: record either answer.
    people = Person.objects.order_by("pk").values_list("pk", "review_statements_opt_out")
    for person_id, opted_out in people.iterator(chunk_size=BATCH):
        key = f"review_statements:person:{person_id}"
        if key in have:
            continue
        add(purpose="review_statements", event="withdrawn" if opted_out else "given", subject_key=key,
            person_id=person_id, given_by="" if opted_out else "person", recorded_by_id=None)

    profiles = InvolvementProfile.objects.order_by("pk").values_list("user_id", "created_at")
    for user_id, created_at in profiles.iterator(chunk_size=BATCH):
        key = f"involvement_profile:user:{user_id}"
        if key not in have:
            add(purpose="involvement_profile", event="given", subject_key=key, user_id=user_id,
                given_by="account_holder", recorded_by_id=user_id, recorded_at=created_at)

    Consent.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)
