"""Writing involvement records."""

import json

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from commissioning.models import Activity, ActivityKind, GroupMember
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record, audit_record_many
from coproduction.core.csv_files import csv_text

# The recognition and expenses ledger (other apps enter claims through these names).
from .ledger.services import claim_approve, claim_enter, claim_query  # noqa: F401
from .models import (
    EQUALITY_QUESTIONS,
    ActivityMode,
    InvolvementProfile,
    LocalPopulationFigure,
    Participation,
    PeerResearcher,
    mode_for_kind,
)

# ---- Involvement profiles, participation snapshots, population figures, peer researchers ----

EQUALITY_FIELDS = [field for field, _question, _short, _choices in EQUALITY_QUESTIONS]


@transaction.atomic
def profile_save(*, user, data: dict, request=None) -> InvolvementProfile:
    """Create or change the person's own profile with the answers in `data` (any subset of fields)."""
    profile, created = InvolvementProfile.objects.select_for_update().get_or_create(user=user)
    for field, value in data.items():
        setattr(profile, field, value)
    profile.full_clean()
    profile.save()
    audit_record(
        actor=user, action=AuditEvent.Action.CREATE if created else AuditEvent.Action.CHANGE,
        obj=profile, subject=user, request=request,
    )
    if created:
        from coproduction.governance.consent.services import profile_consent

        profile_consent(user=user, given=True, request=request)
    return profile


@transaction.atomic
def profile_delete(*, user, request=None) -> bool:
    """Delete the person's profile. Their equality answers are also taken off the records of what
    they took part in: we still count that they came, but no longer who they are."""
    profile = InvolvementProfile.objects.filter(user=user).first()
    Participation.objects.filter(user=user).update(**{field: "" for field in EQUALITY_FIELDS})
    from coproduction.governance.consent.services import profile_consent

    profile_consent(user=user, given=False, request=request)
    if profile is None:
        return False
    audit_record(actor=user, action=AuditEvent.Action.DELETE, obj=profile, subject=user, request=request)
    profile.delete()
    return True


def _profile_rows(profile: InvolvementProfile | None) -> list[tuple[str, str]]:
    """(question, answer) pairs as the person sees them on their profile page."""
    if profile is None:
        return []
    from .models import AccessNeed, PlaceType, Recognition, SuitableTime

    def labels(choices, values):
        return "; ".join(str(choices(value).label) for value in values if value in choices.values)

    rows = [
        ("How you like to be contacted", profile.get_contact_method_display()),
        ("More about contacting you", profile.contact_notes),
        ("Document format", profile.get_preferred_format_display()),
        ("What helps you take part", labels(AccessNeed, profile.access_needs)),
        ("Interpreter language", profile.interpreter_language),
        ("Anything else that helps you take part", profile.other_access_needs),
        ("Times that suit you", labels(SuitableTime, profile.suitable_times)),
        ("Places that suit you", labels(PlaceType, profile.suitable_places)),
        ("More about times and places", profile.times_and_places_notes),
        ("Recognition you prefer", labels(Recognition, profile.recognition)),
    ]
    for field, _question, short, _choices in EQUALITY_QUESTIONS:
        rows.append((short, getattr(profile, f"get_{field}_display")() if getattr(profile, field) else "Not answered"))
    return rows


def profile_download(*, user, file_format: str, request=None) -> tuple[str, str]:
    """The person's own profile as (content, content type), JSON or CSV. Audited."""
    profile = InvolvementProfile.objects.filter(user=user).first()
    rows = _profile_rows(profile)
    if file_format == "json":
        content = json.dumps({"involvement_profile": dict(rows)}, indent=2, ensure_ascii=False)
        content_type = "application/json"
    elif file_format == "csv":
        content = csv_text([("Question", "Your answer"), *rows])
        content_type = "text/csv"
    else:
        raise ValueError(file_format)
    audit_record(actor=user, action=AuditEvent.Action.DOWNLOAD, obj=profile, subject=user, request=request,
                 detail=f"involvement profile {file_format}")
    return content, content_type


def _is_online(activity: Activity) -> bool:
    """A meeting held online (a workshop's format says so) reaches people differently."""
    from commissioning.workshops.models import Workshop

    return Workshop.objects.filter(activity_id=activity.pk, format=Workshop.Format.ONLINE).exists()


def participation_snapshot(*, activity: Activity, member_ids) -> int:
    """Record, for each member added to the activity, the equality answers in their profile now."""
    members = list(GroupMember.objects.filter(pk__in=member_ids).values_list("user_id", flat=True))
    if not members:
        return 0
    answers = {
        row["user_id"]: row
        for row in InvolvementProfile.objects.filter(user_id__in=members).values("user_id", *EQUALITY_FIELDS)
    }
    took_part_on = activity.happened_on or timezone.localdate()
    mode = mode_for_kind(activity.kind)
    if mode == ActivityMode.MEETING and _is_online(activity):
        mode = ActivityMode.ONLINE
    snapshots = [
        Participation(
            activity_id=activity.pk, programme_id=activity.programme_id, user_id=user_id,
            mode=mode, took_part_on=took_part_on,
            **{field: answers.get(user_id, {}).get(field, "") for field in EQUALITY_FIELDS},
        )
        for user_id in members
    ]
    # Already recorded (added twice): the first snapshot stands.
    return len(Participation.objects.bulk_create(snapshots, ignore_conflicts=True))


def access_needs_audit_read(*, user_ids, by, request=None) -> None:
    """An organiser read these people's access needs: one audit event each, in one insert."""
    User = get_user_model()
    people = [User(pk=user_id) for user_id in user_ids]
    audit_record_many(actor=by, action=AuditEvent.Action.VIEW, objects=people, subject_of=lambda person: person,
                      request=request, detail="access needs")


def access_needs_read(*, users, by, request=None) -> list[tuple[str, list[str]]]:
    """Each person's name and what helps them take part, for an organiser's page: one query,
    and the read audited for each person."""
    from .selectors import access_needs_for

    users = list(users)
    if not users:
        return []
    needs = access_needs_for(user.pk for user in users)
    access_needs_audit_read(user_ids=[user.pk for user in users], by=by, request=request)
    return [(user.display_name, needs[user.pk]) for user in users]


def participation_forget(*, activity_ids, member_ids=None) -> None:
    """Someone was taken off an activity (recorded by mistake): drop their snapshot too."""
    snapshots = Participation.objects.filter(activity_id__in=activity_ids)
    if member_ids is not None:
        snapshots = snapshots.filter(user_id__in=GroupMember.objects.filter(pk__in=member_ids).values("user_id"))
    snapshots.delete()


def participation_backfill(*, programme=None) -> int:
    """Snapshots for participants recorded before snapshots were taken (for example on upgrade)."""
    through = Activity.participants.through.objects.select_related("activity", "groupmember")
    if programme is not None:
        through = through.filter(activity__programme=programme)
    missing = through.exclude(
        activity__participation_snapshots__user_id=F("groupmember__user_id")
    )
    made = 0
    by_activity: dict[int, tuple[Activity, list[int]]] = {}
    for link in missing:
        by_activity.setdefault(link.activity_id, (link.activity, []))[1].append(link.groupmember_id)
    for activity, member_ids in by_activity.values():
        made += participation_snapshot(activity=activity, member_ids=member_ids)
    return made


@transaction.atomic
def population_figures_save(*, question: str, figures: dict[str, int | None], source: str, by) -> None:
    """Replace the local population figures for one question. An empty figure removes it."""
    if question not in EQUALITY_FIELDS:
        raise ValidationError("Choose a question from the list.")
    if any(people is not None and people < 0 for people in figures.values()):
        raise ValidationError("Numbers of people must be 0 or more.")
    LocalPopulationFigure.objects.filter(question=question).delete()
    LocalPopulationFigure.objects.bulk_create([
        LocalPopulationFigure(question=question, answer=answer, people=people, source=source, updated_by=by)
        for answer, people in figures.items() if people is not None
    ])


@transaction.atomic
def peer_researcher_add(*, programme, member: GroupMember, by, recruited_on=None, trained_on=None,
                        training_notes: str = "") -> PeerResearcher:
    if member.programme_id != programme.pk:
        raise ValidationError("Choose someone from this programme's group.")
    if PeerResearcher.objects.filter(programme=programme, member=member).exists():
        raise ValidationError("This person is already a peer researcher for this programme.")
    researcher = PeerResearcher.objects.create(
        programme=programme, member=member, recruited_on=recruited_on or timezone.localdate(),
        trained_on=trained_on, training_notes=training_notes, added_by=by,
    )
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=researcher, subject=member.user)
    return researcher


@transaction.atomic
def peer_researcher_update(*, researcher: PeerResearcher, by, recruited_on, trained_on, training_notes: str) -> PeerResearcher:
    researcher.recruited_on = recruited_on or researcher.recruited_on
    researcher.trained_on = trained_on
    researcher.training_notes = training_notes
    researcher.save(update_fields=["recruited_on", "trained_on", "training_notes"])
    audit_record(actor=by, action=AuditEvent.Action.CHANGE, obj=researcher, subject=researcher.member.user)
    return researcher


def peer_interview_record(*, researcher: PeerResearcher, by, title: str, happened_on, summary: str = "") -> Activity:
    """A peer research interview is an activity of the programme with the researcher taking part,
    so it shows on the stage pages, in the reach figures and in the recognition ledger."""
    from commissioning.services import activity_record

    programme = researcher.programme
    return activity_record(programme=programme, by=by, data={
        "kind": ActivityKind.PEER_RESEARCH, "title": title, "happened_on": happened_on, "summary": summary,
        "stage": programme.current_stage, "participants": [researcher.member],
    })
