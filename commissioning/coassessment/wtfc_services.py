"""Writes for Working Together for Change: pull statements from reviews without names, theme
them, and turn the top themes into commissioning priorities."""

import re
import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, Count, Exists, F, IntegerField, Q, Value, When
from django.utils import timezone

from careplans.models import ReviewItem
from coproduction.people.models import Person, Representative
from commissioning.models import Activity, ActivityKind, LadderRung, Programme, Stage
from commissioning.services import stage_for_activity
from coproduction.audit.models import AuditEvent
from coproduction.audit.services import audit_record

from .models import MIN_PEOPLE, StatementKind, WtfcExercise, WtfcPriority, WtfcStatement, WtfcTheme

BATCH = 2000
NAME_MARK = "[name]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# UK phone numbers, written with or without spaces: 07700 900123, +44 20 7946 0000.
PHONE = re.compile(r"(\+44\s?|\b0)(\d[\s-]?){9,10}\b")


def _reviews_filter(*, teams, reviews_from: date, reviews_to: date, prefix: str = "") -> Q:
    """Finished reviews in the teams and period, of people who have not said no."""
    return Q(**{
        f"{prefix}plan__person__team__in": list(teams),
        f"{prefix}plan__person__review_statements_opt_out": False,
        f"{prefix}held_on__gte": reviews_from,
        f"{prefix}held_on__lte": reviews_to,
        f"{prefix}finished_at__isnull": False,
    })


def wtfc_people_available(*, teams, reviews_from: date, reviews_to: date) -> int:
    """How many distinct people's reviews an exercise would use (one query)."""
    return (
        ReviewItem.objects.filter(_reviews_filter(teams=teams, reviews_from=reviews_from, reviews_to=reviews_to, prefix="review__"))
        .values("review__plan__person_id").distinct().count()
    )


def _name_words(*names: str) -> set[str]:
    words = set()
    for name in names:
        for word in re.split(r"[\s,]+", name or ""):
            word = word.strip(".'’()-")
            if len(word) >= 2:
                words.add(word)
    return words


def scrub(text: str, names: set[str]) -> str:
    """Take out the person's and their family's names, email addresses and phone numbers."""
    if names:
        pattern = r"\b(" + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)) + r")('s|’s)?\b"
        text = re.sub(pattern, lambda match: NAME_MARK + (match.group(2) or ""), text, flags=re.IGNORECASE)
    text = EMAIL.sub("[email address]", text)
    return PHONE.sub("[phone number]", text)


@transaction.atomic
def wtfc_exercise_create(
    *, programme: Programme, by, title: str, teams, reviews_from: date, reviews_to: date, stage: Stage | None = None
) -> WtfcExercise:
    """Copy the matching statements into a new exercise, without names, in a random order."""
    teams = list(teams)
    if not teams:
        raise ValidationError("Select at least one team")
    if reviews_to < reviews_from:
        raise ValidationError("The end of the period must be the same as or after the start")
    items = ReviewItem.objects.filter(
        _reviews_filter(teams=teams, reviews_from=reviews_from, reviews_to=reviews_to, prefix="review__")
    ).order_by()
    people = list(
        Person.objects.filter(pk__in=items.values("review__plan__person_id")).values_list("pk", "full_name", "preferred_name")
    )
    if len(people) < MIN_PEOPLE:
        raise ValidationError(
            f"Fewer than {MIN_PEOPLE} people's reviews match, so the statements could point at someone. "
            "Choose more teams or a longer period."
        )
    names: dict[int, set[str]] = {pk: _name_words(full, preferred) for pk, full, preferred in people}
    for person_id, name in Representative.objects.filter(person_id__in=names).values_list("person_id", "name"):
        names[person_id] |= _name_words(name)
    # Keys 1..N handed out in a random order: nothing links a key to a person or to their id.
    shuffled = list(names)
    secrets.SystemRandom().shuffle(shuffled)
    key_of = {person_id: key for key, person_id in enumerate(shuffled, start=1)}

    activity = Activity.objects.create(
        programme=programme, kind=ActivityKind.WORKING_TOGETHER_FOR_CHANGE,
        stage=stage or stage_for_activity(programme=programme, kind=ActivityKind.WORKING_TOGETHER_FOR_CHANGE),
        title=title, happened_on=timezone.localdate(), ladder_rung=LadderRung.CO_PRODUCING, recorded_by=by,
        summary="Statements from people's reviews, without names, themed by the co-production group.",
    )
    exercise = WtfcExercise.objects.create(
        programme=programme, activity=activity, title=title, reviews_from=reviews_from, reviews_to=reviews_to,
        people_count=len(people), created_by=by,
    )
    exercise.teams.set(teams)
    rows = list(items.values_list("kind", "perspective", "text", "theme__name", "review__plan__person_id"))
    secrets.SystemRandom().shuffle(rows)
    statements = [
        WtfcStatement(
            exercise=exercise, kind=kind, perspective=perspective, text=scrub(text, names[person_id]),
            person_key=key_of[person_id], suggested_theme=theme_name or "",
        )
        for kind, perspective, text, theme_name, person_id in rows
    ]
    WtfcStatement.objects.bulk_create(statements, batch_size=BATCH)
    exercise.statement_count = len(statements)
    for kind in StatementKind.values:
        setattr(exercise, kind, sum(1 for statement in statements if statement.kind == kind))
    exercise.save(update_fields=["statement_count", *StatementKind.values])
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=exercise, detail=f"{len(statements)} review statements copied without names")
    return exercise


def wtfc_theme_create(*, exercise: WtfcExercise, name: str, i_statement: str = "") -> WtfcTheme:
    name = name.strip()
    if WtfcTheme.objects.filter(exercise=exercise, name__iexact=name).exists():
        raise ValidationError(f"There is already a theme called “{name}”")
    return WtfcTheme.objects.create(exercise=exercise, name=name, i_statement=i_statement.strip())


def wtfc_theme_update(*, theme: WtfcTheme, name: str, i_statement: str) -> WtfcTheme:
    name = name.strip()
    if WtfcTheme.objects.filter(exercise_id=theme.exercise_id, name__iexact=name).exclude(pk=theme.pk).exists():
        raise ValidationError(f"There is already a theme called “{name}”")
    theme.name, theme.i_statement = name, i_statement.strip()
    theme.save(update_fields=["name", "i_statement"])
    return theme


@transaction.atomic
def wtfc_statement_move(*, statement: WtfcStatement, theme: WtfcTheme | None) -> WtfcStatement:
    """Put a statement in a theme (or take it out), keeping both themes' counts."""
    if theme is not None and theme.exercise_id != statement.exercise_id:
        raise ValidationError("Choose a theme from this exercise")
    # The statement, then the themes it leaves and joins, locked in that order: two people moving
    # statements at once wait for each other, and each sees the other's move when counting.
    old_id = WtfcStatement.objects.select_for_update().values_list("theme_id", flat=True).get(pk=statement.pk)
    new_id = theme.pk if theme is not None else None
    statement.theme = theme
    if old_id == new_id:
        return statement
    touched = sorted(pk for pk in (old_id, new_id) if pk is not None)
    list(WtfcTheme.objects.select_for_update().filter(pk__in=touched).order_by("pk").values_list("pk", flat=True))
    statement.save(update_fields=["theme"])
    for theme_id, step in ((old_id, -1), (new_id, 1)):
        if theme_id is not None:
            _count_move(theme_id=theme_id, statement=statement, step=step)
    return statement


def _count_move(*, theme_id: int, statement: WtfcStatement, step: int) -> None:
    """One statement more (step 1) or fewer (-1) in a theme; one person more or fewer too when
    it is that person's only statement there."""
    others = WtfcStatement.objects.filter(theme_id=theme_id, person_key=statement.person_key).exclude(pk=statement.pk)
    only_one = Case(When(Exists(others), then=Value(0)), default=Value(1), output_field=IntegerField())
    WtfcTheme.objects.filter(pk=theme_id).update(
        statement_total=F("statement_total") + step,
        **{statement.kind: F(statement.kind) + step},
        people=F("people") + only_one * step,
    )


def wtfc_counts_rebuild(*, exercise: WtfcExercise) -> None:
    """Count an exercise's statements again from scratch, for statements themed in bulk (two
    queries and an update). Moving statements one by one keeps the counts without this."""
    counts = {"statement_total": Count("statements"), "people": Count("statements__person_key", distinct=True)}
    counts.update({kind: Count("statements", filter=Q(statements__kind=kind)) for kind in StatementKind.values})
    themes = list(WtfcTheme.objects.filter(exercise=exercise).annotate(**{f"counted_{name}": count for name, count in counts.items()}))
    for theme in themes:
        for name in counts:
            setattr(theme, name, getattr(theme, f"counted_{name}"))
    WtfcTheme.objects.bulk_update(themes, list(counts))
    kinds = WtfcStatement.objects.filter(exercise=exercise).aggregate(
        total=Count("pk"), **{kind: Count("pk", filter=Q(kind=kind)) for kind in StatementKind.values}
    )
    exercise.statement_count = kinds.pop("total")
    for kind, count in kinds.items():
        setattr(exercise, kind, count)
    exercise.save(update_fields=["statement_count", *StatementKind.values])


@transaction.atomic
def wtfc_priorities_create(*, exercise: WtfcExercise, themes: list, by) -> list[WtfcPriority]:
    """Each chosen theme becomes a priority in the programme, remembering how many people's
    reviews raised it. `themes` come from wtfc_theme_counts (with their kept counts)."""
    from commissioning.priorities.services import priority_propose

    if not themes:
        raise ValidationError("Select at least one theme")
    made = []
    for theme in themes:
        if theme.exercise_id != exercise.pk:
            raise ValidationError("Choose themes from this exercise")
        if WtfcPriority.objects.filter(theme=theme).exists():
            raise ValidationError(f"“{theme.name}” is already a priority")
        people = theme.people_shown
        priority = priority_propose(
            programme=exercise.programme, by=by, kind="priority", title=(theme.i_statement or theme.name)[:200],
            description=(
                f"From Working Together for Change, “{exercise.title}”: {people} people's reviews raised "
                f"“{theme.name}” ({theme.not_working} not working, {theme.working} working, "
                f"{theme.important_future} important for the future)."
            ),
        )
        priority.informed_by.add(exercise.activity_id)
        made.append(WtfcPriority.objects.create(
            theme=theme, priority=priority, people_count=theme.people, statement_count=theme.statement_total, created_by=by,
        ))
    audit_record(actor=by, action=AuditEvent.Action.CREATE, obj=exercise, detail=f"{len(made)} themes made priorities")
    return made

