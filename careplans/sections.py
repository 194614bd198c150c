"""The sections of a care and support plan, as the guidance recommends (seed 001; Care Act
s.25). Each section is one screen of the plan's task list. The definitions are data: the
forms, the plan page, the PDF and the comparison between versions are all built from them."""

from dataclasses import dataclass, field


class Kind:
    TEXT = "text"  # free text: always records whose words it is
    CHOICE = "choice"
    DATE = "date"
    YES_NO = "yes_no"
    MONEY = "money"  # pounds and pence, per week


WHOSE_WORDS = [
    ("person", "The person, in their own words"),
    ("representative", "A carer, family member or advocate"),
    ("practitioner", "The practitioner"),
]
WHOSE_LABEL = {"person": "In their own words", "representative": "Written by a carer, family member or advocate", "practitioner": "Written by the practitioner"}


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = Kind.TEXT
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    # The person's own wording, used when they read their plan.
    first_person: str = ""


@dataclass(frozen=True)
class ItemList:
    name: str
    label: str  # "Options we considered"
    item_name: str  # "option"
    fields: tuple[Field, ...]
    hint: str = ""


@dataclass(frozen=True)
class Section:
    number: int
    key: str
    title: str  # in the first person, as the person reads it
    intro: str
    fields: tuple[Field, ...] = ()
    lists: tuple[ItemList, ...] = field(default=())
    only_when_lacking_capacity: bool = False


BUDGET_MANAGEMENT = (
    ("direct_payment", "Direct payment: paid to me to arrange my own support"),
    ("isf", "Individual Service Fund: a provider holds it, I decide how it is spent"),
    ("council", "Council-managed: the council arranges my support"),
    ("mixed", "A mix of these"),
)
COPY_HOW = (("in_person", "Given in person"), ("post", "By post"), ("email", "By email"), ("service", "In this service"))
COPY_FORMAT = (("standard", "Standard"), ("large_print", "Large print"), ("easy_read", "Easy Read"), ("braille", "Braille"), ("audio", "Audio"))
SUPPORT_KIND = (("paid", "Paid support"), ("informal", "Family, friends or neighbours"), ("community", "A community group or place"))
LISTENED = (("yes", "Yes"), ("partly", "Partly"), ("no", "No"))

SECTIONS: tuple[Section, ...] = (
    Section(
        1, "goals", "What I want to achieve", "Goals and hopes for the future, in the person's own words.",
        fields=(Field("goals", "What I want to achieve, and my hopes for the future"),),
    ),
    Section(
        2, "important", "What is important to me", "How they live their life, and what and who matters to them.",
        fields=(
            Field("how_i_live", "How I like to live my life"),
            Field("enjoy", "What I enjoy, my interests, likes and dislikes"),
            Field("people", "Who is important to me, and who I like to see"),
            Field("routines", "My routines"),
        ),
    ),
    Section(
        3, "support_decisions", "How I want to be supported and involved in decisions", "What good support looks like to them.",
        fields=(
            Field("support", "How I want to be supported"),
            Field("decisions", "How I want to be involved in decisions about me"),
        ),
    ),
    Section(
        4, "consultation", "Who was consulted about my care", "Because the person lacks capacity for these decisions: family and others interested in their welfare who were consulted, how, and what they said.",
        lists=(
            ItemList("consulted", "People consulted", "person consulted", (
                Field("name", "Name"),
                Field("relationship", "Relationship"),
                Field("how", "How they were consulted"),
                Field("said", "What they said"),
            )),
        ),
        only_when_lacking_capacity=True,
    ),
    Section(
        5, "outcomes", "The outcomes I want, and the options we considered", "Each option with its benefits and risks, and which was chosen and why.",
        lists=(
            ItemList("outcomes", "Outcomes I want", "outcome", (Field("outcome", "Outcome"),)),
            ItemList("options", "Options we considered", "option", (
                Field("option", "Option"),
                Field("benefits", "Benefits"),
                Field("risks", "Risks"),
                Field("chosen", "Was this option chosen?", Kind.YES_NO),
                Field("why", "Why it was or was not chosen"),
            )),
        ),
    ),
    Section(
        6, "needs", "My needs and the support that will meet them", "The needs identified, whether they meet the eligibility criteria (Care Act 2014, s.25), and who will do what, and when.",
        fields=(
            Field("needs", "My needs"),
            Field("eligibility", "Whether, and how far, my needs meet the eligibility criteria"),
        ),
        lists=(
            ItemList("support", "Support that will meet my needs", "support", (
                Field("need", "Need it meets"),
                Field("who", "Who"),
                Field("what", "What they will do"),
                Field("when", "When"),
                Field("kind", "Kind of support", Kind.CHOICE, choices=SUPPORT_KIND),
            )),
        ),
    ),
    Section(
        7, "budget", "My personal budget", "The amount, how it is managed, and what it pays for. The total is added up from the items.",
        fields=(
            Field("management", "How my budget is managed", Kind.CHOICE, choices=BUDGET_MANAGEMENT),
            Field("provider", "Provider holding my Individual Service Fund (if any)"),
        ),
        lists=(
            ItemList("items", "What my budget pays for", "budget item", (
                Field("what", "What it pays for"),
                Field("weekly", "Amount each week (£)", Kind.MONEY),
            )),
        ),
    ),
    Section(
        8, "contingency", "What happens if things go wrong", "Contingency plans and who to contact in an emergency.",
        fields=(Field("plan", "What should happen if things go wrong"),),
        lists=(
            ItemList("contacts", "Emergency contacts", "contact", (
                Field("name", "Name"),
                Field("relationship", "Relationship"),
                Field("phone", "Phone number"),
            )),
        ),
    ),
    Section(
        9, "involvement", "How I was involved", "The person's (and their representatives') own account of how they took part and whether they felt listened to.",
        fields=(
            Field("how", "How I took part in making this plan"),
            Field("listened", "Did I feel listened to?", Kind.CHOICE, choices=LISTENED),
            Field("listened_more", "Anything more about being listened to"),
        ),
    ),
    Section(
        10, "agreement", "Agreement", "The person and any representative confirm they have seen the plan and have a copy, and the review date.",
        fields=(
            Field("person_seen", "The person has seen this plan and agrees with it", Kind.YES_NO),
            Field("representative_seen", "Their representative has seen it too (if they have one)", Kind.YES_NO),
            Field("copy_how", "How they got their copy", Kind.CHOICE, choices=COPY_HOW),
            Field("copy_format", "Format of their copy", Kind.CHOICE, choices=COPY_FORMAT),
            Field("copy_date", "Date they got their copy", Kind.DATE),
            Field("review_date", "Review date", Kind.DATE, hint="Usually 6 to 8 weeks after a new plan, then at least once a year"),
        ),
    ),
)
SECTION_BY_KEY = {section.key: section for section in SECTIONS}


def sections_for(person) -> list[Section]:
    return [s for s in SECTIONS if not s.only_when_lacking_capacity or person.capacity == "lacks"]
