"""Reading the consent register. Whether each consent still stands is worked out in the same
query (a later row for the same consent means it was withdrawn or given again)."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from ..models import Consent


def _with_standing(consents: QuerySet[Consent]) -> QuerySet[Consent]:
    later = Consent.objects.filter(subject_key=OuterRef("subject_key"), pk__gt=OuterRef("pk"))
    return consents.annotate(superseded=Exists(later)).select_related(
        "recorded_by", "representative", "story__statement", "person", "evidence__programme",
    )


def consent_register_for(*, person) -> QuerySet[Consent]:
    """Every consent given or withdrawn about a person's record (not their involvement profile,
    which is theirs alone), newest first."""
    return _with_standing(Consent.objects.filter(person=person)).order_by("-recorded_at", "-pk")


def consents_of_user(*, user) -> QuerySet[Consent]:
    """A signed-in person's own consents: about their record, their own stories and profile,
    and, as a representative, those about them or given by them on someone's behalf."""
    return _with_standing(
        Consent.objects.filter(Q(user=user) | Q(person__user=user) | Q(representative__user=user))
    ).order_by("-recorded_at", "-pk")


def consent_for_withdrawal(*, consent_id: int) -> Consent | None:
    return _with_standing(Consent.objects.filter(pk=consent_id)).select_related("person__user", "representative").first()
