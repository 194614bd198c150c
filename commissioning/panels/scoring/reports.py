"""The panel report and the feedback letters to bidders, as tagged PDFs made by the report pipeline."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import selectors

PANEL_REPORT = ReportJob.Kind.PANEL_REPORT
FEEDBACK_LETTER = ReportJob.Kind.PANEL_FEEDBACK


def _panel_report_context(job: ReportJob, progress) -> dict:
    panel = job.subject
    progress(20)
    members = selectors.members_of(panel=panel)
    bidders = {bidder.pk: bidder for bidder in selectors.bidders_of(panel=panel)}
    progress(40)
    return {
        "job": job, "panel": panel, "programme": panel.programme, "members": members,
        "criteria": selectors.criteria_of(panel=panel), "questions": selectors.agreed_questions(panel=panel),
        "totals": selectors.bidder_totals(panel=panel), "responses": selectors.report_responses(panel=panel),
        "bidders": list(bidders.values()), "annotations": selectors.annotations_of(panel=panel),
        "formula": selectors.formula_explained(panel=panel),
        "conflicts": [(member, conflict, bidders.get(conflict.bidder_id)) for member in members for conflict in member.conflicts.all()],
    }


def _feedback_context(job: ReportJob, progress) -> dict:
    bidder = job.subject
    panel = bidder.panel
    progress(20)
    # Only this bidder's own row of the totals: nothing about anyone else.
    own = next((total for total in selectors.bidder_totals(panel=panel) if total.bidder_id == bidder.pk), None)
    progress(40)
    return {
        "job": job, "panel": panel, "programme": panel.programme, "bidder": bidder, "total": own,
        "responses": selectors.bidder_feedback(bidder=bidder), "criteria": selectors.criteria_of(panel=panel),
        "formula": selectors.formula_explained(panel=panel),
        "recommended": selectors.recommended_bidder_id(panel=panel) == bidder.pk,
    }


def _bidders_panel(bidder):
    return bidder.panel


REPORT_KINDS[PANEL_REPORT] = ReportKind(
    "panels/scoring/pdf/panel_report.html", "Procurement panel report", _panel_report_context, view_perm="panels.view_totals",
)
REPORT_KINDS[FEEDBACK_LETTER] = ReportKind(
    "panels/scoring/pdf/feedback_letter.html", "Feedback on your bid", _feedback_context, view_perm="panels.feedback_letters",
    perm_object=_bidders_panel,
)
