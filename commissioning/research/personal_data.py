from coproduction.core.personal_data import exempt, register

from .models import Finding, FindingCitation, Interview, ResearchProject, ResearchQuestion

register(
    Interview,
    title="Peer research interviews you recorded",
    user_paths=["researcher"],
    fields=[("Research", "project__title"), ("Date", "held_on"), ("What the person said", "words")],
    order_by=["-held_on"],
    explanation="The people interviewed are never named.",
)
exempt(ResearchProject, reason="a project's title and purpose; names only the staff member who started it")
exempt(ResearchQuestion, reason="the questions a project asks")
exempt(Finding, reason="themes drawn from unnamed interviews; names only the researcher who recorded it")
exempt(FindingCitation, reason="links a finding to a specification section")
