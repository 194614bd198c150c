"""The team and council-wide checklist reports (tagged PDFs with their charts) and the totals
as a spreadsheet. Only totals leave the service, and never for a group below the threshold."""

from coproduction.accounts.models import Organisation, Team
from coproduction.core.csv_files import csv_bytes
from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import charts, selectors


def _scope(job: ReportJob) -> tuple[str, list[int] | None, list[Team]]:
    subject = job.subject
    if isinstance(subject, Team):
        return subject.name, [subject.pk], [subject]
    assert isinstance(subject, Organisation)
    return f"{subject.name}: every team", None, list(Team.objects.select_related("organisation").order_by("name"))


def _context(job: ReportJob, progress) -> dict:
    title, team_ids, teams = _scope(job)
    period = job.options.get("period", "12m")
    start = selectors.period_start(period)
    statement_set = selectors.statement_set_current()
    statements = selectors.planning_statements(statement_set=statement_set) if statement_set else []
    results = selectors.results_by_statement(statements=statements, team_ids=team_ids, start=start)
    progress(30)
    trend = selectors.trend_by_quarter(team_ids=team_ids, start=start, statements=len(statements))
    progress(45)
    context = {
        "job": job, "scope_title": title, "period_label": selectors.PERIODS.get(period, selectors.PERIODS["12m"])[0],
        "statement_set": statement_set, "results": results, "trend": trend, "min_group": selectors.min_group(),
        "average_chart": charts.average_bars(results, title="Average rating by statement"),
        "trend_chart": charts.trend_lines(trend, title="Average rating by quarter"),
    }
    if team_ids is None:
        context["team_rows"] = selectors.teams_side_by_side(teams=teams, start=start, statements=len(statements))
    return context


def _csv(context: dict) -> bytes:
    return csv_bytes(_csv_rows(context))


def _csv_rows(context: dict):
    yield [f"Co-production checklist totals: {context['scope_title']}, {context['period_label'].lower()}"]
    yield [f"Totals from fewer than {context['min_group']} answers are left empty so nobody's answers can be picked out."]
    yield ["Statement", "Wording", "Whose view", "Answers", "Average", "Gave 1", "Gave 2", "Gave 3", "Gave 4", "Gave 5", "Skipped", "Perception gap", "People rated from both sides"]
    for result in context["results"]:
        for name, cell in result.person_and_practitioner:
            figures = [""] * 8 if cell.suppressed else [cell.answered, cell.average, *[count for _, count, _ in cell.bars], cell.skipped]
            gap = ["", ""] if result.gap_suppressed else [result.gap, result.gap_plans]
            yield [result.statement.number, result.statement.plain_wording, name, *figures, *gap]


VIEW = "checklist.view_results_report"  # the team's results, or for the council the council's
REPORT_KINDS[ReportJob.Kind.CHECKLIST_TEAM] = ReportKind("checklist/pdf/report.html", "Team checklist report", _context, view_perm=VIEW)
REPORT_KINDS[ReportJob.Kind.CHECKLIST_COUNCIL] = ReportKind("checklist/pdf/report.html", "Council-wide checklist report", _context, view_perm=VIEW)
REPORT_KINDS[ReportJob.Kind.CHECKLIST_CSV] = ReportKind("", "Checklist totals (CSV)", _context, render_file=_csv, view_perm=VIEW)
