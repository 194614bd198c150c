"""The sections every specification starts with, in order. Data, not code: a council that wants
another standard section adds a line here, and every new specification gets it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class StandardSection:
    key: str
    title: str
    hint: str  # what to write, in plain English, shown above the section's text box


OUTCOMES = "outcomes"
EVALUATION = "evaluation"

STANDARD_SECTIONS: list[StandardSection] = [
    StandardSection("background", "Background", "Why the service is needed, who it is for, and what people told us."),
    StandardSection(
        OUTCOMES, "Outcomes", "What should be different for people because of the service. The outcomes framework the group agreed is shown with this section."
    ),
    StandardSection("requirements", "Service requirements", "What the provider must do, where, when and for whom."),
    StandardSection(
        "quality", "Quality characteristics", "What good looks like to the people who use the service, in their words."
    ),
    StandardSection("social_value", "Social value", "What else the provider should give back to the local community."),
    StandardSection(
        EVALUATION, "Evaluation criteria", "How bids will be judged. The criteria, their weights and the questions bidders answer are listed with this section."
    ),
]

BY_KEY = {section.key: section for section in STANDARD_SECTIONS}
