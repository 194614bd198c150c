"""Authorization matrix rows for the network pages (see tests/authorization_matrix.py).

world["network"] is an ordinary network the COMMISSIONER and the PERSON user belong to.
world["peer_network"] is a peer support network the CARER user started and moderates: the
council (the COMMISSIONER) sees its summary page and nothing else; nobody outside it learns
who its members are or what they say."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

C, PERSON, CARER = Role.COMMISSIONER, Role.PERSON, Role.CARER
RUNNING = only(C)
MEMBERS = only(C, PERSON)
PEER = only(CARER)
POST_ONLY = signed_in(Expect.METHOD_NOT_ALLOWED)


def network(world, **extra) -> dict:
    return {"network_id": world["network"].pk, **extra}


def peer(world, **extra) -> dict:
    return {"network_id": world["peer_network"].pk, **extra}


def meeting(world, **extra) -> dict:
    return network(world, meeting_id=world["network_meeting"].pk, **extra)


ROWS: list[Row] = [
    Row("networks:network_list", only(C, PERSON, CARER)),
    Row("networks:network_add", RUNNING),
    Row("networks:network_detail", MEMBERS, kwargs=network),
    Row("networks:network_detail", only(C, CARER), kwargs=peer, id="networks:network_detail[peer support: the council sees its size]"),
    Row("networks:member_add", RUNNING, kwargs=network),
    Row("networks:member_add", PEER, kwargs=peer, id="networks:member_add[peer support: run by its members]"),
    Row("networks:member_leave", POST_ONLY, kwargs=lambda w: network(w, member_id=w["network_member"].pk)),
    Row("networks:way_of_working_edit", RUNNING, kwargs=network),
    Row("networks:way_of_working_edit", PEER, kwargs=peer, id="networks:way_of_working_edit[peer support]"),
    Row("networks:way_of_working_agree", POST_ONLY, kwargs=network),
    Row("networks:thread_add", MEMBERS, kwargs=network),
    Row("networks:thread_add", PEER, kwargs=peer, id="networks:thread_add[peer support]"),
    Row("networks:thread_detail", MEMBERS, kwargs=lambda w: network(w, thread_id=w["network_thread"].pk)),
    Row("networks:thread_detail", PEER, kwargs=lambda w: peer(w, thread_id=w["peer_thread"].pk),
        id="networks:thread_detail[peer support: never the council]"),
    Row("networks:post_hide", POST_ONLY, kwargs=lambda w: network(w, thread_id=w["network_thread"].pk, post_id=w["network_post"].pk)),
    Row("networks:library_add", MEMBERS, kwargs=network),
    Row("networks:listing", PEER, kwargs=peer),
    Row("networks:listing", only(), kwargs=network, id="networks:listing[not a peer support network]"),
    Row("networks:meeting_add", RUNNING, kwargs=network),
    Row("networks:meeting_detail", MEMBERS, kwargs=meeting),
    Row("networks:papers_pack", MEMBERS, kwargs=meeting),
    Row("networks:paper_add", RUNNING, kwargs=meeting),
    Row("networks:papers_send", POST_ONLY, kwargs=meeting),
    Row("networks:minutes_edit", RUNNING, kwargs=meeting),
    Row("networks:minutes_agree", POST_ONLY, kwargs=meeting),
    Row("networks:attendance", RUNNING, kwargs=meeting),
    Row("networks:recognition", RUNNING, kwargs=meeting),
    Row("networks:alliance_add", RUNNING, kwargs=network),
    Row("networks:alliance_detail", MEMBERS, kwargs=lambda w: network(w, alliance_id=w["alliance"].pk)),
]
