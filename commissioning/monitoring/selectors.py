"""Reads for contracts, meetings, returns and quality visits. Each page reads a fixed number of
queries whatever the data size; figures over time are pivoted from one query."""

from datetime import date

from django.db.models import Count, F, Q, Window
from django.db.models.functions import Lag
from django.http import Http404
from django.utils import timezone

from commissioning.models import Programme
from commissioning.priorities.models import Indicator
from coproduction.accounts.models import Organisation, Role, User

from .models import (
    Action,
    Contract,
    Finding,
    IndicatorReport,
    MeetingMember,
    MeetingPaper,
    MonitoringMeeting,
    MonitoringReturn,
    QualityCharacteristic,
    QualityFramework,
    QualityVisit,
    ReturnFigure,
    quarter_label,
)
from .rules import current_programme_ids

QUARTER_MONTHS = (1, 4, 7, 10)


def quarter_start(day: date) -> date:
    return date(day.year, QUARTER_MONTHS[(day.month - 1) // 3], 1)


def quarters_between(first: date, last: date) -> list[date]:
    """Every quarter from the one holding `first` to the one holding `last`, newest first."""
    found, current = [], quarter_start(first)
    end = quarter_start(last)
    while current <= end:
        found.append(current)
        month = current.month + 3
        current = date(current.year + (month > 12), (month - 1) % 12 + 1, 1)
    return list(reversed(found))


def contract_quarters(contract: Contract, today: date | None = None) -> list[date]:
    """The quarters a provider can send figures for: from the start of the contract up to now."""
    today = today or timezone.localdate()
    if contract.starts_on > today:
        return []
    return quarters_between(contract.starts_on, min(contract.ends_on, today))


def parse_period(value: str) -> date | None:
    """"2027-04" -> 1 April 2027; anything else (or not a quarter's first month) -> None."""
    try:
        year, month = (int(part) for part in value.split("-"))
        if month not in QUARTER_MONTHS or not 2000 <= year <= 2100:
            return None
        return date(year, month, 1)
    except ValueError:
        return None


# --- Contracts ---------------------------------------------------------------------------


def contracts_visible_to(*, user, programme: Programme):
    """The contracts in a programme the user may see: a provider only its own organisation's."""
    contracts = Contract.objects.filter(programme=programme).select_related("provider").order_by("service_name", "pk")
    if user.has_role(Role.COMMISSIONER) or (programme.pk in current_programme_ids(user) and not user.has_role(Role.PROVIDER)):
        return contracts
    return contracts.filter(provider_id=user.organisation_id) if user.organisation_id else contracts.none()


def contract_or_404(*, programme_id: int, contract_id: int) -> Contract:
    try:
        return Contract.objects.select_related("programme__current_stage", "programme__lead", "provider").get(
            pk=contract_id, programme_id=programme_id,
        )
    except Contract.DoesNotExist:
        raise Http404 from None


def provider_organisations():
    return Organisation.objects.filter(kind=Organisation.Kind.PROVIDER).order_by("name")


def programme_indicators(*, programme: Programme):
    return Indicator.objects.filter(outcome__programme=programme, retired_on__isnull=True).select_related("outcome").order_by(
        "outcome__position", "outcome__pk", "position", "pk",
    )


def contract_indicators(*, contract: Contract) -> list[Indicator]:
    return list(contract.indicators.select_related("outcome").order_by("outcome__position", "outcome__pk", "position", "pk"))


def returns_over_time(*, contract: Contract, indicators: list[Indicator], quarters: int | None = 4) -> dict:
    """The submitted figures, indicator by quarter, newest quarter first, with the change from
    the quarter before worked out in SQL. {"periods": [(date, label)], "rows": [(indicator,
    [cell or None per period])]}; a cell is a dict with value, previous, change, what_people_said."""
    submitted = MonitoringReturn.objects.filter(contract=contract, submitted_at__isnull=False)
    periods = list(submitted.order_by("-period").values_list("period", flat=True)[:quarters] if quarters else submitted.order_by("-period").values_list("period", flat=True))
    if not periods:
        return {"periods": [], "rows": [(indicator, []) for indicator in indicators]}
    figures = (
        ReturnFigure.objects.filter(monitoring_return__in=submitted)
        .annotate(
            period=F("monitoring_return__period"),
            previous=Window(Lag("value"), partition_by=[F("indicator_id")], order_by=F("monitoring_return__period").asc()),
        )
        .values("indicator_id", "period", "value", "previous", "what_people_said")
    )
    cells = {}
    for figure in figures:
        if figure["period"] in periods:
            change = None
            if figure["value"] is not None and figure["previous"] is not None:
                change = figure["value"] - figure["previous"]
            cells[(figure["indicator_id"], figure["period"])] = {**figure, "change": change}
    return {
        "periods": [(period, quarter_label(period)) for period in periods],
        "rows": [(indicator, [cells.get((indicator.pk, period)) for period in periods]) for indicator in indicators],
    }


def return_for(*, contract: Contract, period: date) -> MonitoringReturn | None:
    return MonitoringReturn.objects.filter(contract=contract, period=period).first()


def return_figures(*, monitoring_return: MonitoringReturn | None) -> dict[int, ReturnFigure]:
    if monitoring_return is None:
        return {}
    return {figure.indicator_id: figure for figure in monitoring_return.figures.all()}


def returns_sent(*, contract: Contract):
    return MonitoringReturn.objects.filter(contract=contract).select_related("submitted_by").order_by("-period")


def meetings_of(*, contract: Contract):
    return MonitoringMeeting.objects.filter(contract=contract).annotate(
        member_count=Count("members", distinct=True),
        agreed_count=Count("members", filter=Q(members__minutes_agreed_at__isnull=False), distinct=True),
    ).order_by("-date", "-starts_at", "-pk")


def visits_visible_to(*, user, contract: Contract):
    visits = QualityVisit.objects.filter(contract=contract).order_by("-planned_on", "-pk")
    if user.has_role(Role.COMMISSIONER):
        return visits
    mine = Q(assessors=user) if user.has_role(Role.QUALITY_ASSESSOR) else Q(pk__in=[])
    if user.has_role(Role.PROVIDER):
        provider_or_group = user.organisation_id == contract.provider_id
    else:
        provider_or_group = contract.programme_id in current_programme_ids(user)
    reviewed = Q(status=QualityVisit.Status.REVIEWED) if provider_or_group else Q(pk__in=[])
    return visits.filter(mine | reviewed).distinct()


def open_actions(*, contract: Contract):
    return Action.objects.filter(contract=contract, done_on__isnull=True).select_related("owner", "meeting", "quality_visit").order_by("due_on", "pk")


# --- Meetings ----------------------------------------------------------------------------


def meeting_or_404(*, contract: Contract, meeting_id: int) -> MonitoringMeeting:
    try:
        meeting = MonitoringMeeting.objects.select_related("activity").get(pk=meeting_id, contract=contract)
    except MonitoringMeeting.DoesNotExist:
        raise Http404 from None
    meeting.contract = contract
    return meeting


def members_of(*, meeting: MonitoringMeeting) -> list[MeetingMember]:
    return list(meeting.members.select_related("user").order_by("role", "user__full_name", "pk"))


def papers_of(*, meeting: MonitoringMeeting) -> list[MeetingPaper]:
    return list(meeting.papers.select_related("added_by").order_by("position", "pk"))


def paper_or_404(*, meeting: MonitoringMeeting, paper_id: int) -> MeetingPaper:
    try:
        return meeting.papers.get(pk=paper_id)
    except MeetingPaper.DoesNotExist:
        raise Http404 from None


def indicator_reports(*, meeting: MonitoringMeeting, indicators: list[Indicator]) -> list[tuple[Indicator, IndicatorReport | None]]:
    reports = {report.indicator_id: report for report in meeting.indicator_reports.all()}
    return [(indicator, reports.get(indicator.pk)) for indicator in indicators]


def meeting_actions(*, meeting: MonitoringMeeting):
    return list(meeting.actions.select_related("owner").order_by("due_on", "pk"))


def action_or_404(*, contract: Contract, action_id: int) -> Action:
    try:
        return Action.objects.select_related("owner").get(pk=action_id, contract=contract)
    except Action.DoesNotExist:
        raise Http404 from None


def member_candidates(*, contract: Contract):
    """People who can sit on a contract's monitoring meetings: the programme's group and
    commissioners, and the provider's own staff."""
    return User.objects.filter(
        Q(programme_memberships__programme_id=contract.programme_id, programme_memberships__left_on__isnull=True)
        | Q(roles__contains=[Role.COMMISSIONER])
        | Q(organisation_id=contract.provider_id, roles__contains=[Role.PROVIDER]),
        is_active=True,
    ).distinct().order_by("full_name", "pk")


def action_owner_candidates(*, contract: Contract, meeting: MonitoringMeeting | None):
    if meeting is not None:
        return User.objects.filter(monitoring_meeting_memberships__meeting=meeting).order_by("full_name", "pk")
    return User.objects.filter(
        Q(roles__contains=[Role.COMMISSIONER]) | Q(organisation_id=contract.provider_id, roles__contains=[Role.PROVIDER]),
        is_active=True,
    ).order_by("full_name", "pk")


# --- Quality frameworks and visits ---------------------------------------------------------


def frameworks_of(*, programme: Programme):
    return QualityFramework.objects.filter(programme=programme).annotate(
        characteristic_count=Count("characteristics", distinct=True), visit_count=Count("visits", distinct=True),
    ).order_by("-created_at", "-pk")


def framework_or_404(*, programme: Programme, framework_id: int) -> QualityFramework:
    try:
        framework = QualityFramework.objects.get(pk=framework_id, programme=programme)
    except QualityFramework.DoesNotExist:
        raise Http404 from None
    framework.programme = programme
    return framework


def characteristics_of(*, framework: QualityFramework) -> list[QualityCharacteristic]:
    return list(framework.characteristics.order_by("position", "pk"))


def characteristic_or_404(*, framework: QualityFramework, characteristic_id: int) -> QualityCharacteristic:
    try:
        return framework.characteristics.get(pk=characteristic_id)
    except QualityCharacteristic.DoesNotExist:
        raise Http404 from None


def framework_in_use(*, framework: QualityFramework) -> bool:
    return Finding.objects.filter(characteristic__framework=framework).exists()


def assessors():
    return User.objects.filter(roles__contains=[Role.QUALITY_ASSESSOR], is_active=True).order_by("full_name", "pk")


def visit_or_404(*, contract: Contract, visit_id: int) -> QualityVisit:
    try:
        visit = QualityVisit.objects.select_related("framework", "activity", "reviewed_by", "responded_by", "submitted_by").get(
            pk=visit_id, contract=contract,
        )
    except QualityVisit.DoesNotExist:
        raise Http404 from None
    visit.contract = contract
    return visit


def visit_findings(*, visit: QualityVisit) -> list[tuple[QualityCharacteristic, Finding | None]]:
    findings = {finding.characteristic_id: finding for finding in visit.findings.all()}
    return [(characteristic, findings.get(characteristic.pk)) for characteristic in characteristics_of(framework=visit.framework)]


def visit_actions(*, visit: QualityVisit):
    return list(visit.actions.select_related("owner").order_by("due_on", "pk"))


# --- Each person's own list ----------------------------------------------------------------


def my_monitoring(*, user) -> dict:
    contracts = Contract.objects.none()
    if user.has_role(Role.PROVIDER) and user.organisation_id:
        contracts = Contract.objects.filter(provider_id=user.organisation_id).select_related("programme").order_by("service_name", "pk")
    meetings = (
        MeetingMember.objects.filter(user=user).select_related("meeting__contract__programme")
        .order_by("-meeting__date", "-meeting__pk")
    )
    visits = QualityVisit.objects.filter(assessors=user).select_related("contract__programme").order_by("-planned_on", "-pk")
    return {"contracts": contracts, "meetings": meetings, "visits": visits}
