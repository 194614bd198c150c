"""Authorization matrix rows for the review pages (see tests/authorization_matrix.py).

Members of world["programme"] (PERSON, CARER) and commissioners see its review pages; only
commissioners set things up. Statements in Working Together for Change carry no names, so the
group may theme them; no page shows whose review a statement came from (tests/commissioning/coassessment/
test_wtfc.py). The complaints summary and a survey's share link are open without signing in."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, public, signed_in

MEMBERS = only(Role.PERSON, Role.CARER, Role.COMMISSIONER)
RUNNING = only(Role.COMMISSIONER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def prog(world, **extra) -> dict:
    return {"programme_id": world["programme"].pk, **extra}


def wtfc(world, **extra) -> dict:
    return prog(world, exercise_id=world["wtfc_exercise"].pk, **extra)


def survey(world, key="survey", **extra) -> dict:
    return prog(world, survey_id=world[key].pk, **extra)


ROWS: list[Row] = [
    Row("coassessment:review_home", MEMBERS, kwargs=prog),
    Row("coassessment:review_home", RUNNING, kwargs=lambda world: {"programme_id": world["other_programme"].pk},
        id="coassessment:review_home[not a member]"),
    # Working Together for Change
    Row("coassessment:wtfc_add", RUNNING, kwargs=prog),
    Row("coassessment:wtfc_detail", MEMBERS, kwargs=wtfc),
    Row("coassessment:wtfc_detail", RUNNING,
        kwargs=lambda world: {"programme_id": world["other_programme"].pk, "exercise_id": world["other_wtfc_exercise"].pk},
        id="coassessment:wtfc_detail[not a member]"),
    Row("coassessment:wtfc_detail", only(), kwargs=lambda world: prog(world, exercise_id=world["other_wtfc_exercise"].pk),
        id="coassessment:wtfc_detail[wrong programme]"),
    Row("coassessment:wtfc_statement_theme", POST_ONLY, kwargs=lambda world: wtfc(world, statement_id=world["wtfc_statement"].pk)),
    Row("coassessment:wtfc_theme_add", MEMBERS, kwargs=wtfc),
    Row("coassessment:wtfc_theme_edit", MEMBERS, kwargs=lambda world: wtfc(world, theme_id=world["wtfc_theme"].pk)),
    Row("coassessment:wtfc_results", MEMBERS, kwargs=wtfc),
    Row("coassessment:wtfc_priorities", RUNNING, kwargs=wtfc),
    # Surveys and focus groups
    Row("coassessment:survey_add", RUNNING, kwargs=prog),
    Row("coassessment:survey_detail", MEMBERS, kwargs=survey),
    Row("coassessment:survey_question_add", RUNNING, kwargs=lambda world: survey(world, "draft_survey")),
    Row("coassessment:survey_question_remove", POST_ONLY,
        kwargs=lambda world: survey(world, "draft_survey", question_id=world["survey_question"].pk)),
    Row("coassessment:survey_open", POST_ONLY, kwargs=lambda world: survey(world, "draft_survey")),
    Row("coassessment:survey_close", POST_ONLY, kwargs=survey),
    Row("coassessment:survey_answer", MEMBERS, kwargs=survey),
    Row("coassessment:survey_results", MEMBERS, kwargs=survey),
    Row("coassessment:survey_public", public(), kwargs=lambda world: {"token": world["survey"].share_token}),
    Row("coassessment:survey_public", public(Expect.DENIED), kwargs=lambda world: {"token": world["draft_survey"].share_token},
        id="coassessment:survey_public[not shared]"),
    Row("coassessment:survey_thanks", public()),
    Row("coassessment:focus_group_add", RUNNING, kwargs=prog),
    Row("coassessment:focus_group_detail", MEMBERS, kwargs=lambda world: prog(world, focus_group_id=world["focus_group"].pk)),
    # Complaints and compliments: counts for everyone, the log for the complaints team
    Row("coassessment:complaints_summary", public()),
    Row("coassessment:complaints_log", RUNNING),
    Row("coassessment:complaint_add", RUNNING),
    # Co-assessment
    Row("coassessment:co_assessment_add", RUNNING, kwargs=prog),
    Row("coassessment:co_assessment_detail", MEMBERS, kwargs=lambda world: prog(world, co_assessment_id=world["co_assessment"].pk)),
    Row("coassessment:co_assessment_decide", RUNNING, kwargs=lambda world: prog(world, co_assessment_id=world["co_assessment"].pk)),
]
