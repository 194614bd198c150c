"""The sections of a care and support plan, as the guidance recommends (seed 001; Care Act
s.25). Each section is one screen of the plan's task list. The definitions are data: the
forms, the plan page, the PDF and the comparison between versions are all built from them."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace


# Said beside a question only the council answers (eligibility), when the person writes the rest.
COUNCIL_DECIDES = "The council decides this, following the law (the Care Act 2014), so your practitioner writes it. You can comment on it."


class Kind:
    TEXT = "text"  # free text: always records whose words it is
    CHOICE = "choice"
    DATE = "date"
    YES_NO = "yes_no"
    MONEY = "money"  # pounds and pence, per week


WHOSE_WORDS = [
    ("person", "The person, in their own words"),
    ("with_practitioner", "The person’s words, written with the practitioner"),
    ("representative", "A carer, family member or advocate"),
    ("practitioner", "The practitioner"),
]
def whose_label(whose: str, *, name: str, own: bool = False) -> str:
    """Whose words an answer is, said to the person reading their own plan ("In your own words")
    or, to anyone else, naming them ("In Al’s own words")."""
    if own:
        labels = {"person": "In your own words", "with_practitioner": "In your own words, written with your practitioner",
                  "representative": "Written by your carer, family member or advocate", "practitioner": "Written by your practitioner"}
    else:
        labels = {"person": f"In {name}’s own words", "with_practitioner": f"In {name}’s own words, written with the practitioner",
                  "representative": "Written by a carer, family member or advocate", "practitioner": "Written by the practitioner"}
    return labels.get(whose, "")


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = Kind.TEXT
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    # The person's own wording, used when they read their plan.
    first_person: str = ""
    # The council's decision (eligibility, say): written by the practitioner, never asked whose words.
    council_decides: bool = False
    # Its name in the Easy Read copy (and the braille and audio made from it): short, plain words.
    easy: str = ""


@dataclass(frozen=True)
class ItemList:
    name: str
    label: str  # "Options we considered"
    item_name: str  # "option"
    fields: tuple[Field, ...]
    hint: str = ""
    # What one item is called in the Easy Read copy: "Choice 1", "Person to call 2".
    easy_item: str = ""

    @property
    def item_name_with_article(self) -> str:
        """"an outcome", "a contact": for "Add an outcome"."""
        return f"{'an' if self.item_name[:1] in 'aeiou' else 'a'} {self.item_name}"


def _text(value) -> str:
    return (value.get("text", "") if isinstance(value, dict) else str(value or "")).strip()


@dataclass(frozen=True)
class Needs:
    """One thing a section needs before it can be marked as completed.

    ``check(data)`` reads the section's saved answers ({"fields": ..., "lists": ...}). ``staff`` is
    what the error summary says to the team ("{name}" is the person's name); ``own`` what it says
    to the person writing their own plan. ``field`` is the question to put it beside, if any."""

    check: Callable[[dict], bool]
    staff: str
    own: str
    field: str = ""

    def message(self, *, name: str, own: bool) -> str:
        return self.own if own else self.staff.format(name=name)


def text_needed(name: str, staff: str, own: str) -> Needs:
    return Needs(lambda data: bool(_text(data.get("fields", {}).get(name))), staff, own, field=name)


def any_text_needed(names: tuple[str, ...], staff: str, own: str) -> Needs:
    return Needs(lambda data: any(_text(data.get("fields", {}).get(name)) for name in names), staff, own, field=names[0])


def items_needed(list_name: str, staff: str, own: str, where: Callable[[dict], bool] = lambda item: True) -> Needs:
    return Needs(lambda data: any(where(item) for item in data.get("lists", {}).get(list_name, [])), staff, own)


def _chosen_with_reason(option: dict) -> bool:
    return option.get("chosen") == "yes" and bool(_text(option.get("why")))


@dataclass(frozen=True)
class EasyRead:
    """How a section is put in Easy Read, written once here for the PDF, braille and audio copies."""

    heading: str
    explanation: tuple[str, ...]
    # An OpenMoji symbol shipped in static/easy-read/ (its Unicode code point), and what it shows.
    symbol: str
    symbol_alt: str


@dataclass(frozen=True)
class Section:
    number: int
    key: str
    title: str  # in the first person, as the person reads it
    intro: str
    fields: tuple[Field, ...] = ()
    lists: tuple[ItemList, ...] = field(default=())
    only_when_lacking_capacity: bool = False
    # What it needs before it can be marked as completed: it may be saved in progress without.
    needs: tuple[Needs, ...] = ()
    # Why only the team writes it, in plain English for the person: "" when they write it too.
    staff_only: str = ""
    # The Easy Read copy: a short heading, and what the part is about, one short sentence a line.
    easy: EasyRead | None = None
    # The answers of the conversation about what matters shown beside it while it is written.
    draws_on: tuple[str, ...] = ()


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
        fields=(Field("goals", "What I want to achieve, and my hopes for the future", easy="My hopes"),),
        needs=(text_needed("goals", "Write at least one thing {name} wants to achieve", "Write at least one thing you want to achieve"),),
        easy=EasyRead("What I want to do", ("This part is about what you want to do.", "It says your hopes for the future."), "1F3AF", "A target"),
        draws_on=("what_matters", "good_at"),
    ),
    Section(
        2, "important", "What is important to me", "How they live their life, and what and who matters to them.",
        fields=(
            Field("how_i_live", "How I like to live my life", easy="How I like to live"),
            Field("enjoy", "What I enjoy, my interests, likes and dislikes", easy="What I like doing"),
            Field("people", "Who is important to me, and who I like to see", easy="People who matter to me"),
            Field("routines", "My routines", easy="What I do each day"),
        ),
        needs=(any_text_needed(
            ("how_i_live", "enjoy", "people", "routines"),
            "Answer at least one question about what is important to {name}", "Answer at least one question about what is important to you",
        ),),
        easy=EasyRead("What matters to me", ("This part is about how you like to live.", "It says what you enjoy.", "It says who matters to you."), "2764", "A heart"),
        draws_on=("what_matters", "good_at", "people_places"),
    ),
    Section(
        3, "support_decisions", "How I want to be supported and involved in decisions", "What good support looks like to them.",
        fields=(
            Field("support", "How I want to be supported", easy="How I want help"),
            Field("decisions", "How I want to be involved in decisions about me", easy="How I want to decide things"),
        ),
        needs=(text_needed("support", "Write how {name} wants to be supported", "Write how you want to be supported"),),
        easy=EasyRead("How I want help", ("This part is about the help you want.", "It says how you want to decide things about you."), "1F91D", "Two hands shaking"),
        draws_on=("working", "people_places"),
    ),
    Section(
        4, "consultation", "Who was consulted about my care", "Because the person lacks capacity for these decisions: family and others interested in their welfare who were consulted, how, and what they said.",
        lists=(
            ItemList("consulted", "People consulted", "person consulted", (
                Field("name", "Name", easy="Name"),
                Field("relationship", "Relationship", easy="Who they are to me"),
                Field("how", "How they were consulted", easy="How we asked them"),
                Field("said", "What they said", easy="What they said"),
            ), easy_item="Person we asked"),
        ),
        only_when_lacking_capacity=True,
        needs=(items_needed("consulted", "Add at least one person who was consulted", "Add at least one person who was consulted"),),
        staff_only="Your practitioner writes this part. It records who they asked about your care, because the law says they must when a decision is made in your best interests.",
        easy=EasyRead("Who we asked", ("This part says who we asked about your care.", "We asked them because the law says we must."), "1F465", "Two people"),
    ),
    Section(
        5, "outcomes", "The outcomes I want, and the options we considered", "Each option with its benefits and risks, and which was chosen and why.",
        lists=(
            ItemList("outcomes", "Outcomes I want", "outcome", (Field("outcome", "Outcome", easy="What I want to happen"),), easy_item="Thing I want"),
            ItemList("options", "Options we considered", "option", (
                Field("option", "Option", easy="Choice"),
                Field("benefits", "Benefits", easy="Good things"),
                Field("risks", "Risks", easy="Things that could go wrong"),
                Field("chosen", "Was this option chosen?", Kind.YES_NO, easy="Did we pick it?"),
                Field("why", "Why it was or was not chosen", easy="Why"),
            ), easy_item="Choice"),
        ),
        needs=(
            items_needed("outcomes", "Add at least one outcome {name} wants", "Add at least one outcome you want"),
            items_needed(
                "options", "Add at least one option that was chosen, with why it was chosen",
                "Add at least one option that was chosen, with why it was chosen", where=_chosen_with_reason,
            ),
        ),
        easy=EasyRead("What I want to change", ("This part says what you want to happen.", "It says the choices we talked about.", "It says which choice we picked, and why."), "1F9ED", "A compass"),
        draws_on=("what_matters", "good_at", "working"),
    ),
    Section(
        6, "needs", "My needs and the support that will meet them", "The needs identified, whether they meet the eligibility criteria (Care Act 2014, s.25), and who will do what, and when.",
        fields=(
            Field("needs", "My needs", easy="What I need help with"),
            Field("eligibility", "Whether, and how far, my needs meet the eligibility criteria", council_decides=True, easy="What the council decided"),
        ),
        lists=(
            ItemList("support", "Support that will meet my needs", "piece of support", (
                Field("need", "Need it meets", easy="Help with"),
                Field("who", "Who", easy="Who helps"),
                Field("what", "What they will do", easy="What they do"),
                Field("when", "When", easy="When"),
                Field("kind", "Kind of support", Kind.CHOICE, choices=SUPPORT_KIND, easy="Kind of help"),
            ), easy_item="Help"),
        ),
        needs=(
            text_needed("needs", "Write {name}’s needs", "Write your needs"),
            text_needed("eligibility", "Write whether {name}’s needs meet the eligibility criteria", "Your practitioner writes whether your needs meet the eligibility criteria"),
            items_needed("support", "Add at least one piece of support that will meet the needs", "Add at least one piece of support that will meet your needs"),
        ),
        easy=EasyRead("My needs and my help", ("This part says what you need help with.", "It says who will help you.", "It says what they will do, and when."), "1FAC2", "Two people hugging"),
    ),
    Section(
        7, "budget", "My personal budget", "The amount, how it is managed, and what it pays for. The total is added up from the items.",
        fields=(
            Field("management", "How my budget is managed", Kind.CHOICE, choices=BUDGET_MANAGEMENT, easy="Who looks after the money"),
            Field("provider", "Provider holding my Individual Service Fund (if any)", easy="Who holds the money"),
        ),
        lists=(
            ItemList("items", "What my budget pays for", "budget item", (
                Field("what", "What it pays for", easy="What it pays for"),
                Field("weekly", "Amount each week (£)", Kind.MONEY, easy="Money each week"),
            ), easy_item="Thing the money pays for"),
        ),
        needs=(
            Needs(lambda data: bool(data.get("fields", {}).get("management")), "Select how the budget is managed", "Select how your budget is managed", field="management"),
            items_needed("items", "Add at least one thing the budget pays for", "Add at least one thing your budget pays for"),
        ),
        staff_only="The council decides the amount of your personal budget, so your practitioner writes this part. You can comment on it, and ask them to change it.",
        easy=EasyRead("My money for support", ("This part is about your personal budget.", "That is the money for your support.", "It says what the money pays for."), "1F4B7", "A pound note"),
    ),
    Section(
        8, "contingency", "What happens if things go wrong", "Contingency plans and who to contact in an emergency.",
        fields=(Field("plan", "What should happen if things go wrong", easy="What to do"),),
        lists=(
            ItemList("contacts", "Emergency contacts", "contact", (
                Field("name", "Name", easy="Name"),
                Field("relationship", "Relationship", easy="Who they are to me"),
                Field("phone", "Phone number", easy="Phone number"),
            ), easy_item="Person to call"),
        ),
        needs=(text_needed("plan", "Write what should happen if things go wrong", "Write what should happen if things go wrong"),),
        easy=EasyRead("If things go wrong", ("This part says what to do if things go wrong.", "It says who to call."), "1F6A8", "A warning light"),
    ),
    Section(
        9, "involvement", "How I was involved", "The person's (and their representatives') own account of how they took part and whether they felt listened to.",
        fields=(
            Field("how", "How I took part in making this plan", easy="How I helped make my plan"),
            Field("listened", "Did I feel listened to?", Kind.CHOICE, choices=LISTENED, easy="Did people listen to me?"),
            Field("listened_more", "Anything more about being listened to", easy="More about being listened to"),
        ),
        needs=(
            text_needed("how", "Write how {name} took part in making this plan", "Write how you took part in making this plan"),
            Needs(lambda data: bool(data.get("fields", {}).get("listened")), "Select whether {name} felt listened to", "Select whether you felt listened to", field="listened"),
        ),
        easy=EasyRead("How I took part", ("This part says how you helped make this plan.", "It says if you felt listened to."), "1F5E3", "A person speaking"),
    ),
    Section(
        10, "agreement", "Agreement", "How the person got their copy, in the format they need, and the review date. The person agrees the plan in their own name once every section is complete.",
        fields=(
            Field("representative_seen", "Their representative has seen it too (if they have one)", Kind.YES_NO, easy="My carer has seen it too"),
            Field("copy_how", "How they got their copy", Kind.CHOICE, choices=COPY_HOW, easy="How I got my copy"),
            Field("copy_format", "Format of their copy", Kind.CHOICE, choices=COPY_FORMAT, easy="What my copy is like"),
            Field("copy_date", "Date they got their copy", Kind.DATE, easy="When I got my copy"),
            Field("review_date", "Review date", Kind.DATE, hint="Usually 6 to 8 weeks after a new plan, then at least once a year", easy="When we look at my plan again"),
        ),
        needs=(
            Needs(lambda data: bool(data.get("fields", {}).get("copy_how")), "Select how {name} got their copy", "Select how you got your copy", field="copy_how"),
            Needs(lambda data: bool(data.get("fields", {}).get("copy_format")), "Select the format of {name}’s copy", "Select the format of your copy", field="copy_format"),
            Needs(lambda data: bool(data.get("fields", {}).get("review_date")), "Enter the review date", "Enter the review date", field="review_date"),
        ),
        staff_only="Your practitioner records here how you got your copy and when the plan will be reviewed.",
        easy=EasyRead("Saying yes to my plan", ("This part says how you got your copy of this plan.", "It says when we will look at the plan again."), "270D", "A hand writing"),
    ),
)
SECTION_BY_KEY = {section.key: section for section in SECTIONS}


def sections_for(person) -> list[Section]:
    """The sections that apply to this person, numbered as they read them: without section 4
    (only when they lack capacity) the next one is 4, never 5."""
    applicable = [s for s in SECTIONS if not s.only_when_lacking_capacity or person.capacity == "lacks"]
    return [replace(section, number=number) for number, section in enumerate(applicable, start=1)]


def section_for(person, key: str) -> Section | None:
    """One section as this person's plan numbers it, or None when it does not apply to them."""
    return next((section for section in sections_for(person) if section.key == key), None)


def missing(section: Section, data: dict, *, name: str, own: bool = False) -> list[tuple[str, str]]:
    """What the section still needs before it is complete: (question, message) pairs."""
    return [(need.field, need.message(name=name, own=own)) for need in section.needs if not need.check(data)]
