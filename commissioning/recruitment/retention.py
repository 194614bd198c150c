"""Candidates on the retention schedule: deleted (with their scores and the conflicts declared
about them) a set time after their campaign closed. The values, questions, recommendation and
decisions stay, naming the candidate only by reference."""

from datetime import date

from django.db.models import QuerySet
from django.db.models.functions import Coalesce, Greatest

from coproduction.governance.retention.selectors import cutoff_date, register_record_type

from .models import Candidate, CandidateScore, ModeratedScore


def due_recruitment_candidates(*, today: date | None = None) -> QuerySet:
    return (
        Candidate.objects.annotate(campaign_closed=Greatest("campaign__closing_date", Coalesce("campaign__closed_on", "campaign__closing_date")))
        .filter(campaign_closed__lt=cutoff_date("recruitment_candidates", today=today))
        .order_by("campaign_closed", "pk")
    )


def delete_recruitment_candidates(ids: list[int], run) -> None:
    # Scores are kept from being deleted by accident elsewhere (PROTECT on the member and value),
    # so they go first, explicitly.
    ModeratedScore.objects.filter(candidate_id__in=ids).delete()
    CandidateScore.objects.filter(candidate_id__in=ids).delete()
    Candidate.objects.filter(pk__in=ids).delete()


def _label(record) -> str:
    return f"Candidate {record.reference} (record {record.pk}) of campaign {record.campaign_id}, closed {record.campaign_closed:%-d %B %Y}"


register_record_type(
    "recruitment_candidates", due=due_recruitment_candidates, act=delete_recruitment_candidates, label=_label,
    only=["id", "reference", "campaign_id"],
)
