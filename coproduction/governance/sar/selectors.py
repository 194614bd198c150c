"""Reads for subject access requests: finding the person, and the request's two files."""

from django.db.models import CharField, DateField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce

from coproduction.people.models import Person
from coproduction.accounts.models import User
from coproduction.reports.models import ReportJob

SUBJECT_ACCESS_KINDS = (ReportJob.Kind.SUBJECT_ACCESS_PDF, ReportJob.Kind.SUBJECT_ACCESS_ZIP)


def sar_subject_search(*, query: str) -> QuerySet:
    """People's records and accounts matching a name or email, one row each: a person with an
    account is one row (their record); an account with no person's record is its own row."""
    people = (
        Person.objects.filter(
            Q(full_name__icontains=query) | Q(preferred_name__icontains=query)
            | Q(user__email__icontains=query) | Q(user__full_name__icontains=query)
        )
        .annotate(
            kind=Value("person", output_field=CharField()),
            shown_name=F("full_name"),
            shown_email=Coalesce(F("user__email"), Value("", output_field=CharField())),
            born=F("date_of_birth"),
        )
        .values("kind", "pk", "shown_name", "shown_email", "born")
    )
    accounts = (
        User.objects.filter(person_record__isnull=True)
        .filter(Q(full_name__icontains=query) | Q(preferred_name__icontains=query) | Q(email__icontains=query))
        .annotate(
            kind=Value("account", output_field=CharField()),
            shown_name=F("full_name"),
            shown_email=F("email"),
            born=Value(None, output_field=DateField()),
        )
        .values("kind", "pk", "shown_name", "shown_email", "born")
    )
    return people.union(accounts, all=True).order_by("shown_name", "kind", "pk")


def sar_people() -> QuerySet[Person]:
    """People's records a request can be about, with what the confirmation page shows."""
    return Person.objects.select_related("user", "team")


def sar_accounts_without_record() -> QuerySet[User]:
    """Accounts with no person's record: a request about one of them is about the account alone."""
    return User.objects.filter(person_record__isnull=True)


def sar_job_list() -> QuerySet[ReportJob]:
    """Subject access jobs, for administrators (see governance.sar.rules.is_subject_access_job)."""
    return ReportJob.objects.filter(kind__in=SUBJECT_ACCESS_KINDS)


def sar_job_pair(*, job: ReportJob) -> tuple[ReportJob, ReportJob | None]:
    """The PDF job and the ZIP job asked for with it."""
    zip_job = sar_job_list().filter(pk=job.options.get("zip_job")).first() if job.options.get("zip_job") else None
    return job, zip_job
