"""Authorization matrix rows for the recruitment pages (see tests/authorization_matrix.py).

The TEAM_MANAGER user chairs the world's campaigns; the PERSON and CARER users sit on them with
lived experience; the ADMINISTRATOR user is the HR officer and the HEAD_OF_SERVICE user the
appointing manager. Staff who recruit may set campaigns up; nobody else learns one exists."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

TM, HOS, C, PERSON, CARER, ADMIN = Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.COMMISSIONER, Role.PERSON, Role.CARER, Role.ADMINISTRATOR
PANEL = only(TM, HOS, PERSON, CARER, ADMIN)
CHAIR = only(TM)
SCORERS = only(TM, PERSON, CARER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def campaign(world, **extra) -> dict:
    return {"campaign_id": world["campaign"].pk, **extra}


def preparing(world, **extra) -> dict:
    return {"campaign_id": world["preparing_campaign"].pk, **extra}


ROWS: list[Row] = [
    Row("recruitment:campaign_list", only(TM, HOS, C, PERSON, CARER, ADMIN)),
    Row("recruitment:campaign_add", only(TM, HOS, C)),
    Row("recruitment:campaign_detail", PANEL, kwargs=campaign),
    Row("recruitment:campaign_detail", PANEL, kwargs=preparing, id="recruitment:campaign_detail:preparing"),
    Row("recruitment:member_add", CHAIR, kwargs=campaign),
    Row("recruitment:briefing", PANEL, kwargs=campaign),
    Row("recruitment:briefing_pdf", POST_ONLY, kwargs=campaign),
    Row("recruitment:briefing_send", POST_ONLY, kwargs=campaign),
    Row("recruitment:conflicts", PANEL, kwargs=campaign),
    Row("recruitment:value_add", PANEL, kwargs=preparing),
    Row("recruitment:value_discuss", PANEL, kwargs=lambda w: preparing(w, value_id=w["post_value"].pk)),
    Row("recruitment:question_add", PANEL, kwargs=preparing),
    Row("recruitment:agree", CHAIR, kwargs=preparing),
    Row("recruitment:candidate_add", only(ADMIN), kwargs=campaign),
    Row("recruitment:score", SCORERS, kwargs=lambda w: campaign(w, candidate_id=w["unscored_candidate"].pk)),
    Row("recruitment:candidate_scores", PANEL, kwargs=lambda w: campaign(w, candidate_id=w["candidate"].pk)),
    Row("recruitment:recommend", CHAIR, kwargs=campaign),
    Row("recruitment:appointment", only(HOS), kwargs=campaign),
    Row("recruitment:recognition", CHAIR, kwargs=campaign),
]
