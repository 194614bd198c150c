"""Involvement profiles on the retention schedule, and on erasure of their owner's data."""

from datetime import date

from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Greatest
from django.utils import timezone

from coproduction.governance.retention.services import on_account_erased
from coproduction.governance.retention.selectors import cutoff_at, register_record_type

from .models import Claim, InvolvementProfile, Participation
from .services import EQUALITY_FIELDS


def due_involvement_profiles(*, today: date | None = None) -> QuerySet:
    """Profiles with no sign-in, participation, claim or change since the cutoff."""
    last_part = (
        Participation.objects.filter(user=OuterRef("user_id")).order_by().values("user").annotate(m=Max("recorded_at")).values("m")
    )
    last_claim = Claim.objects.filter(claimant=OuterRef("user_id")).order_by().values("claimant").annotate(m=Max("created_at")).values("m")
    return (
        InvolvementProfile.objects.annotate(
            last_activity=Greatest("updated_at", "user__last_login", Subquery(last_part), Subquery(last_claim))
        )
        .filter(last_activity__lt=cutoff_at("involvement_profiles", today))
        .order_by("last_activity", "pk")
    )


def delete_involvement_profiles(ids: list[int], run) -> None:
    # Their equality answers go from the records of what they took part in too: we still count
    # that they came, but no longer who they are.
    user_ids = InvolvementProfile.objects.filter(pk__in=ids).values("user_id")
    Participation.objects.filter(user_id__in=user_ids).update(**{field: "" for field in EQUALITY_FIELDS})
    InvolvementProfile.objects.filter(pk__in=ids).delete()


def _label(record) -> str:
    return f"Involvement profile {record.pk}: last activity {timezone.localtime(record.last_activity):%-d %B %Y}"


register_record_type(
    "involvement_profiles", due=due_involvement_profiles, act=delete_involvement_profiles, label=_label, only=["id"]
)


@on_account_erased("involvement_profiles")
def erase_involvement_profile(user_id: int, run) -> int:
    profiles = list(InvolvementProfile.objects.filter(user_id=user_id).values_list("pk", flat=True))
    delete_involvement_profiles(profiles, run)
    return len(profiles)
