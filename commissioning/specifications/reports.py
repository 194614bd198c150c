"""A specification version as a tagged PDF, made by the report pipeline, with the glossary
terms it uses explained at the end."""

from coproduction.reports.kinds import REPORT_KINDS, ReportKind
from coproduction.reports.models import ReportJob

from . import selectors
from .standard_sections import EVALUATION, OUTCOMES

# The report job's kind. Not (yet) one of ReportJob.Kind's choices; the column takes any value.
SPECIFICATION_PDF = "specification"


def _specification_context(job: ReportJob, progress) -> dict:
    version = job.subject
    specification = version.specification
    progress(20)
    contents = selectors.version_contents(version=version, with_comments=False)
    # The tender pack carries the questions a procurement panel agreed for this version.
    from commissioning.panels.selectors import agreed_questions_for_version

    agreed = agreed_questions_for_version(version=version)
    for criterion in contents["criteria"]:
        criterion.agreed_panel_questions = agreed.get(criterion.pk, [])
    progress(40)
    return {
        "job": job, "version": version, "specification": specification, "programme": specification.programme,
        **contents, "outcomes": selectors.outcomes_framework(programme=specification.programme),
        "OUTCOMES": OUTCOMES, "EVALUATION": EVALUATION, "words": selectors.glossary_for_page(),
    }


def _programme(version):
    return version.specification.programme


REPORT_KINDS[SPECIFICATION_PDF] = ReportKind(
    "specifications/pdf/specification.html", "Service specification", _specification_context,
    view_perm="specifications.view_specification", perm_object=_programme,
)
