"""The words a person is shown when they give each consent, kept in one place.

Never change the text of a version that has been used: add a new version and make it CURRENT.
The register copies the exact text into each record, so what someone agreed to stays readable."""

from ..models import Consent

Purpose = Consent.Purpose

# Records made before the register existed: nobody can now say which words were used.
UNKNOWN_VERSION = "unknown: recorded before the register"

WORDING: dict[str, dict[str, str]] = {
    Purpose.REPRESENTATIVE_SEES_PLAN: {
        "rep-1": (
            "I agree that the person named can see my care and support plan, my reviews and what I "
            "say about them, and can comment on them. I can change my mind at any time and their "
            "access will stop straight away."
        ),
    },
    Purpose.STORY_SHARED: {
        "story-1": (
            "I agree that my story, without my name, can be shared with staff across the council to "
            "help them learn what good planning looks like. I can change my mind at any time and it "
            "will stop being shown straight away."
        ),
    },
    Purpose.REVIEW_STATEMENTS: {
        "wtfc-1": (
            "Without my name, the council can group what I say in my reviews about what is working "
            "and not working with what other people say, to decide what to change (Working Together "
            "for Change). I can say no at any time and my words will be left out of future exercises."
        ),
    },
    Purpose.INVOLVEMENT_PROFILE: {
        "profile-1": (
            "I agree that the council can keep my involvement profile: how to contact me, what helps "
            "me take part, and my answers to the equality questions. My equality answers are only "
            "counted with other people's to see who the council reaches. I can delete my profile at "
            "any time and my equality answers will be taken off every record of what I took part in."
        ),
    },
    Purpose.EVIDENCE_STORY: {
        "evidence-1": (
            "I agree that my story can be kept as evidence for this commissioning programme and "
            "shown to its group and the people who decide. I can change my mind at any time and "
            "it will be taken out straight away."
        ),
    },
}

CURRENT: dict[str, str] = {
    Purpose.REPRESENTATIVE_SEES_PLAN: "rep-1",
    Purpose.STORY_SHARED: "story-1",
    Purpose.REVIEW_STATEMENTS: "wtfc-1",
    Purpose.INVOLVEMENT_PROFILE: "profile-1",
    Purpose.EVIDENCE_STORY: "evidence-1",
}


def wording_for(purpose: str, version: str | None = None) -> tuple[str, str]:
    """(version, text) for a purpose: the current version unless one is named."""
    version = version or CURRENT[purpose]
    if version == UNKNOWN_VERSION:
        return version, ""
    return version, WORDING[purpose][version]
