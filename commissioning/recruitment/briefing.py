"""The briefing pack for an interview panel's members: the job, what the panel does, how scoring
works (the same independent scoring as a procurement panel, explained in the same words), the
values and questions, and the words we use, each in plain English. The same content is a page
and a tagged PDF (made by the report pipeline) in the member's format: standard, large print or
Easy Read. Candidates appear in it by no name and no reference: the pack is about the job."""

from commissioning.involvement.models import DocumentFormat
from commissioning.scoring import scoring_explained
from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import selectors

# The report job's kind: the column takes any value.
BRIEFING_PDF = "recruitment_briefing"

WORDS_WE_USE = [
    ("Candidate", "Someone who applied for the job. The panel knows each by a reference, like C1, not by name."),
    ("Values", "What the person doing the job should care about, and how that shows in what they do."),
    ("Moderation", "When the panel talks about the scores and agrees one score together, with the reasons."),
    ("Declaring an interest", "Telling the panel you know a candidate, so nobody can say the choice was unfair."),
    ("Appointing manager", "The manager who makes the final decision on who gets the job."),
    ("Recognition", "How the council thanks you for your time, for example a payment or a voucher, and pays back "
                    "what taking part cost you."),
]

PANEL_DOES_EASY_READ = [
    "You help choose who gets the job.",
    "First we agree what matters for the job. We call these values.",
    "We write questions to ask at the interview.",
    "You meet the people who want the job. We call them candidates.",
    "Your view counts the same as everyone else's.",
]
PANEL_DOES = (
    "Everyone on the panel is equal. Together you agree the values that matter for the job, and write the interview "
    "questions that test each value. The chair records what you agree in the programme's decisions log. Then you "
    "interview the candidates and score them."
)


def _scoring_lines(campaign, easy_read: bool) -> list[str]:
    shared = scoring_explained(score_max=campaign.score_max, what="each candidate against each agreed value",
                               what_easy_read="each candidate, for each value,", easy_read=easy_read)
    if easy_read:
        return shared.split("\n") + ["If you know a candidate, tell us. You will not score them."]
    return [shared + " 0 means no evidence of the value; " + f"{campaign.score_max} means strong evidence. The panel "
            "recommends a candidate from the agreed scores, and the appointing manager decides. If you know a "
            "candidate, say so before scoring: you will not score or moderate them."]


def briefing_context(*, campaign, document_format: str) -> dict:
    """What the page and the PDF both print, in the format asked for."""
    if document_format not in DocumentFormat.values:
        document_format = DocumentFormat.STANDARD.value
    easy_read = document_format == DocumentFormat.EASY_READ
    return {
        "format": document_format, "format_label": DocumentFormat(document_format).label,
        "easy_read": easy_read, "large_print": document_format == DocumentFormat.LARGE_PRINT,
        "about": campaign.about_easy_read if easy_read and campaign.about_easy_read.strip() else campaign.about,
        "panel_does": PANEL_DOES_EASY_READ if easy_read else [PANEL_DOES],
        "scoring_lines": _scoring_lines(campaign, easy_read),
        "values": selectors.values_of(campaign=campaign, agreed_only=campaign.values_agreed),
        "words_we_use": WORDS_WE_USE,
    }


def _pdf_context(job: ReportJob, progress) -> dict:
    member = job.subject
    campaign = member.campaign
    progress(20)
    context = briefing_context(campaign=campaign, document_format=(job.options or {}).get("format"))
    progress(40)
    return {"job": job, "campaign": campaign, "member": member, "programme": campaign.programme, **context}


REPORT_KINDS[BRIEFING_PDF] = ReportKind(
    "recruitment/pdf/briefing.html", "Interview panel briefing pack", _pdf_context,
    view_perm="recruitment.view_campaign", perm_object=lambda member: member.campaign,
)
