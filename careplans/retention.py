"""Care records on the retention schedule: closed records are anonymised after the period, and
an open one is kept whatever an erasure request asks."""

from datetime import date

from django.db.models import DateField, Exists, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Greatest, TruncDate

from coproduction.governance.models import AnonymisedRecord
from coproduction.governance.retention.services import anonymise_care_records, erasure_blocker, on_person_anonymised
from coproduction.governance.retention.selectors import REMOVED, cutoff_date, register_record_type
from coproduction.people.models import Person

from .models import CarePlan, Conversation, OutcomeProgress, PlanComment, PlanResponse, PreparedStatement, Review, ReviewItem


def due_care_records(*, today: date | None = None) -> QuerySet:
    """People whose plan was closed at a review (no plan in progress since), with no contact
    since the cutoff, and not already anonymised."""
    closing = Review.objects.filter(
        plan__person=OuterRef("pk"), plan__status=CarePlan.Status.AGREED, decision=Review.Decision.CLOSE,
        finished_at__isnull=False,
    )
    drafts = CarePlan.objects.filter(person=OuterRef("pk"), status=CarePlan.Status.DRAFT)
    last_review = (
        Review.objects.filter(plan__person=OuterRef("pk")).order_by().values("plan__person").annotate(m=Max("held_on")).values("m")
    )
    last_plan = CarePlan.objects.filter(person=OuterRef("pk")).order_by().values("person").annotate(m=Max("updated_at")).values("m")
    done = AnonymisedRecord.objects.filter(record_type="care_records", record_id=OuterRef("pk"))
    return (
        Person.objects.annotate(
            last_contact=Greatest(
                Subquery(last_review, output_field=DateField()), TruncDate(Subquery(last_plan)), output_field=DateField()
            )
        )
        .filter(Exists(closing), ~Exists(drafts), ~Exists(done), last_contact__lt=cutoff_date("care_records", today=today))
        .order_by("last_contact", "pk")
    )


def _label(record) -> str:
    return f"Care record {record.pk}: closed, last contact {record.last_contact:%-d %B %Y}"


register_record_type("care_records", due=due_care_records, act=anonymise_care_records, label=_label, only=["id"])


@on_person_anonymised
def anonymise_plans(person_ids: list[int]) -> None:
    """The plans' words go; their versions, statuses, review decisions and themes stay."""
    CarePlan.objects.filter(person_id__in=person_ids).update(
        content={"sections": {}}, agreed_by_name=REMOVED, agreement_notes="", best_interests_consulted="",
    )
    PlanComment.objects.filter(plan__person_id__in=person_ids).update(text=REMOVED)
    PlanResponse.objects.filter(plan__person_id__in=person_ids).update(author_name=REMOVED, reason=REMOVED)
    PreparedStatement.objects.filter(plan__person_id__in=person_ids).update(text=REMOVED)
    Review.objects.filter(plan__person_id__in=person_ids).update(
        took_part="", decision_notes="", agreed_by_name=REMOVED, agreement_notes="", best_interests_consulted="",
    )
    Conversation.objects.filter(person_id__in=person_ids).update(what_matters=REMOVED, good_at="", people_places="", working="")
    ReviewItem.objects.filter(review__plan__person_id__in=person_ids).update(text=REMOVED)
    OutcomeProgress.objects.filter(review__plan__person_id__in=person_ids).update(outcome=REMOVED, notes="")


@erasure_blocker
def open_care_record(*, person) -> str:
    """An open care record (a plan in progress, or agreed and not closed at a review) is one the
    council must keep while it provides care and support."""
    plans = CarePlan.objects.filter(person=person)
    if not plans.exists():
        return ""
    closed = Review.objects.filter(
        plan__person=person, plan__status=CarePlan.Status.AGREED, decision=Review.Decision.CLOSE, finished_at__isnull=False
    ).exists()
    if closed and not plans.filter(status=CarePlan.Status.DRAFT).exists():
        return ""
    return (
        "This person's care record is open, so the council must keep it while it provides care and "
        "support: choose the legal obligation"
    )
