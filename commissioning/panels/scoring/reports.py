"""The panel report and the bidders' assessment summaries, as tagged PDFs made by the report pipeline.

An assessment summary (Procurement Act 2023) gives one bidder, before the award is published,
their own scores and reasons on each published criterion beside the winning bid's, with the
arithmetic. It names no member of the panel."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import selectors

PANEL_REPORT = ReportJob.Kind.PANEL_REPORT
FEEDBACK_LETTER = ReportJob.Kind.PANEL_FEEDBACK
SHORTLIST_LETTER = ReportJob.Kind.PANEL_SHORTLIST_LETTER


def _panel_report_context(job: ReportJob, progress) -> dict:
    panel = job.subject
    progress(20)
    members = selectors.members_of(panel=panel)
    bidders = {bidder.pk: bidder for bidder in selectors.bidders_of(panel=panel)}
    criteria = selectors.criteria_of(panel=panel)
    shortlisting_questions, shortlisting_rows = selectors.shortlisting(panel=panel)
    progress(40)
    return {
        "job": job, "panel": panel, "programme": panel.programme, "members": members,
        "criteria": criteria, "questions": selectors.agreed_questions(panel=panel),
        "totals": selectors.bidder_totals(panel=panel, criteria=criteria), "responses": selectors.report_responses(panel=panel),
        "bidders": list(bidders.values()), "annotations": selectors.annotations_of(panel=panel),
        "formula": selectors.formula_explained(panel=panel, criteria=criteria),
        "has_price": any(criterion.scored_on_price for criterion in criteria),
        "shortlisting_questions": shortlisting_questions, "shortlisting_rows": shortlisting_rows,
        "conflicts": [(member, conflict, bidders.get(conflict.bidder_id)) for member in members for conflict in member.conflicts.all()],
    }


def _feedback_context(job: ReportJob, progress) -> dict:
    bidder = job.subject
    panel = bidder.panel
    progress(20)
    criteria = selectors.criteria_of(panel=panel)
    totals = {total.bidder_id: total for total in selectors.bidder_totals(panel=panel, criteria=criteria)}
    winner_id = selectors.recommended_bidder_id(panel=panel)
    own, winning = totals.get(bidder.pk), totals.get(winner_id)
    progress(40)
    return {
        "job": job, "panel": panel, "programme": panel.programme, "bidder": bidder, "criteria": criteria,
        "rows": selectors.assessment_rows(bidder=bidder, winner_id=winner_id, criteria=criteria, own=own, winning=winning),
        "total": own, "winning": winning if winner_id != bidder.pk else None,
        "formula": selectors.formula_explained(panel=panel, criteria=criteria),
        "recommended": winner_id == bidder.pk,
    }


def _shortlist_letter_context(job: ReportJob, progress) -> dict:
    bidder = job.subject
    progress(30)
    return {
        "job": job, "panel": bidder.panel, "programme": bidder.panel.programme, "bidder": bidder,
        "checks": selectors.shortlist_checks_of(bidder=bidder),
    }


def _bidders_panel(bidder):
    return bidder.panel


REPORT_KINDS[PANEL_REPORT] = ReportKind(
    "panels/scoring/pdf/panel_report.html", "Procurement panel report", _panel_report_context, view_perm="panels.view_totals",
)
REPORT_KINDS[FEEDBACK_LETTER] = ReportKind(
    "panels/scoring/pdf/feedback_letter.html", "Assessment summary of your bid", _feedback_context, view_perm="panels.feedback_letters",
    perm_object=_bidders_panel,
)
REPORT_KINDS[SHORTLIST_LETTER] = ReportKind(
    "panels/scoring/pdf/shortlist_letter.html", "Your bid was not shortlisted", _shortlist_letter_context,
    view_perm="panels.feedback_letters", perm_object=_bidders_panel,
)
