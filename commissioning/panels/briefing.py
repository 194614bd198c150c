"""The briefing pack for panel members, above all those with lived experience: what the panel is
for, the timetable, how scoring works, the words we use, and what the specification asks for.
The same content is a page and a tagged PDF (made by the report pipeline), in the format each
member asked for: standard, large print, or Easy Read wording where the panel has written it."""

from commissioning.scoring import scoring_explained as shared_scoring_explained
from commissioning.specifications.selectors import glossary_for_page
from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import selectors

BRIEFING_PDF = ReportJob.Kind.PANEL_BRIEFING.value
STANDARD, LARGE_PRINT, EASY_READ = "standard", "large_print", "easy_read"
FORMATS = {STANDARD: "Standard print", LARGE_PRINT: "Large print", EASY_READ: "Easy Read"}


def scoring_explained(panel, easy_read: bool) -> str:
    """How scoring works, in the panel's own Easy Read words if it has them."""
    if easy_read and panel.scoring_easy_read.strip():
        return panel.scoring_easy_read
    if easy_read:
        return "You read what each bidder wrote.\n" + shared_scoring_explained(
            score_max=panel.score_max, what="every answer", what_easy_read="each answer", easy_read=True)
    price = (
        " If price is one of the criteria, the panel does not score it: a procurement officer enters each bid's price, "
        "and its score is worked out by the published formula (the lowest price ÷ this bid's price × the weight)."
    )
    return (
        shared_scoring_explained(score_max=panel.score_max, what="every answer", what_easy_read="each answer", easy_read=False)
        + " Each criterion carries a weight, shown below, and the weighted scores make the total."
        + price + " You do not score a bidder you have declared an interest in."
    )


def briefing_context(*, panel, document_format: str) -> dict:
    easy_read = document_format == EASY_READ
    return {
        "document_format": document_format,
        "format_label": FORMATS.get(document_format, FORMATS[STANDARD]),
        "large_print": document_format == LARGE_PRINT,
        "easy_read": easy_read,
        "purpose_text": panel.purpose_easy_read if easy_read and panel.purpose_easy_read.strip() else panel.purpose,
        "timetable_text": panel.timetable_easy_read if easy_read and panel.timetable_easy_read.strip() else panel.timetable,
        "scoring_text": scoring_explained(panel, easy_read),
        "criteria": selectors.criteria_of(panel=panel),
        "summary_sections": selectors.specification_summary(panel=panel),
    }


def _pdf_context(job: ReportJob, progress) -> dict:
    member = job.subject
    panel = member.panel
    progress(20)
    document_format = (job.options or {}).get("format")
    if document_format not in FORMATS:
        document_format = STANDARD
    context = briefing_context(panel=panel, document_format=document_format)
    progress(40)
    # A fresh glossary: the PDF explains every term the pack uses, and the full glossary follows.
    return {"job": job, "panel": panel, "member": member, "programme": panel.programme, "words": glossary_for_page(), **context}


def _panel_of(member):
    return member.panel


REPORT_KINDS[BRIEFING_PDF] = ReportKind(
    "panels/pdf/briefing.html", "Panel briefing pack", _pdf_context, view_perm="panels.view_briefing", perm_object=_panel_of,
)
