"""specifications records for the authorization matrix and the accessibility test. Builds on
tests/commissioning/world.py (world["programme"] and friends).

world["specification"]: in world["programme"]; version 1 published, version 2 a draft with a
comment from the PERSON user on its background, and criteria with a question.
world["other_specification"]: in world["other_programme"], where nobody from the world is a member."""

from commissioning.specifications import services
from coproduction.accounts.models import Role
from tests.commissioning.specifications.factories import GlossaryTermFactory, SpecificationFactory


def build_specifications_world(world: dict) -> dict:
    users = world["users"]
    commissioner = users[Role.COMMISSIONER]
    specification = SpecificationFactory(programme=world["programme"], title="Day opportunities from 2027", decision=world["decision"])
    version = specification.versions.get()
    background = version.sections.get(key="background")
    services.section_update(section=background, text="People want a service provider close to home.", informed_by=[world["activity"]], by=commissioner)
    criteria = services.criteria_replace(version=version, by=commissioner, criteria=[
        {"title": "Working with people", "description": "", "weight": 60},
        {"title": "Price", "description": "", "weight": 40},
    ])
    services.question_add(criterion=criteria[0], text="How will people help run the service?", kind="written", by=users[Role.CARER])
    services.shortlist_question_add(version=version, text="The provider is registered with the Care Quality Commission.",
                                    kind="pass_fail", by=commissioner)
    services.version_publish(version=version, by=commissioner)
    draft = services.draft_start(specification=specification, by=commissioner)
    draft_background = draft.sections.get(key="background")
    comment = services.comment_add(section=draft_background, text="Say Saturdays too.", proposed_wording="", by=users[Role.PERSON])
    criterion = draft.criteria.get(title="Working with people")
    other = SpecificationFactory(programme=world["other_programme"], title="Carers' breaks service")
    return {
        "specification": specification,
        "spec_section": draft_background,
        "spec_comment": comment,
        "spec_criterion": criterion,
        "spec_question": criterion.questions.get(),
        "spec_shortlist_question": draft.shortlist_questions.get(),
        "glossary_term": GlossaryTermFactory(term="provider", explanation="An organisation paid to run the service.", updated_by=commissioner),
        "other_specification": other,
    }
