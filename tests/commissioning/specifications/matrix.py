"""Authorization matrix rows for the specifications pages (see tests/authorization_matrix.py)."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

# Members of world["programme"], and the commissioners who run every programme.
MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
RUNNING = only(Role.COMMISSIONER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def spec(world, **extra) -> dict:
    return {"programme_id": world["programme"].pk, "specification_id": world["specification"].pk, **extra}


ROWS: list[Row] = [
    Row("specifications:specification_list", MEMBERS, kwargs=lambda world: {"programme_id": world["programme"].pk}),
    Row(
        "specifications:specification_list", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="specifications:specification_list[not a member]",
    ),
    Row(  # a public programme shares its summary, never its specifications in progress
        "specifications:specification_list", RUNNING, kwargs=lambda world: {"programme_id": world["public_programme"].pk},
        id="specifications:specification_list[public programme]",
    ),
    Row("specifications:specification_add", RUNNING, kwargs=lambda world: {"programme_id": world["programme"].pk}),
    Row("specifications:specification_detail", MEMBERS, kwargs=spec),
    Row(
        "specifications:specification_detail", RUNNING,
        kwargs=lambda world: {"programme_id": world["other_programme"].pk, "specification_id": world["other_specification"].pk},
        id="specifications:specification_detail[not a member]",
    ),
    Row(  # the right specification under the wrong programme: not found, for everyone
        "specifications:specification_detail", only(),
        kwargs=lambda world: {"programme_id": world["programme"].pk, "specification_id": world["other_specification"].pk},
        id="specifications:specification_detail[wrong programme]",
    ),
    Row("specifications:section_edit", RUNNING, kwargs=lambda world: spec(world, section_id=world["spec_section"].pk)),
    Row("specifications:comment_add", MEMBERS, kwargs=lambda world: spec(world, section_id=world["spec_section"].pk)),
    Row("specifications:comment_answer", RUNNING, kwargs=lambda world: spec(world, comment_id=world["spec_comment"].pk)),
    Row("specifications:criteria_edit", RUNNING, kwargs=spec),
    Row("specifications:shortlist_questions", RUNNING, kwargs=spec),
    Row("specifications:shortlist_question_delete", POST_ONLY,
        kwargs=lambda world: spec(world, question_id=world["spec_shortlist_question"].pk)),
    Row("specifications:question_add", MEMBERS, kwargs=lambda world: spec(world, criterion_id=world["spec_criterion"].pk)),
    Row("specifications:question_edit", RUNNING, kwargs=lambda world: spec(world, question_id=world["spec_question"].pk)),
    Row("specifications:question_delete", POST_ONLY, kwargs=lambda world: spec(world, question_id=world["spec_question"].pk)),
    Row("specifications:version_list", MEMBERS, kwargs=spec),
    Row("specifications:version_publish", POST_ONLY, kwargs=spec),
    Row("specifications:draft_start", POST_ONLY, kwargs=spec),
    Row("specifications:version_pdf", POST_ONLY, kwargs=spec),
    Row("specifications:glossary", signed_in()),
    Row("specifications:glossary_add", only(Role.COMMISSIONER, Role.ADMINISTRATOR)),
    Row("specifications:glossary_edit", only(Role.COMMISSIONER, Role.ADMINISTRATOR), kwargs=lambda world: {"term_id": world["glossary_term"].pk}),
    Row("specifications:glossary_delete", POST_ONLY, kwargs=lambda world: {"term_id": world["glossary_term"].pk}),
]
