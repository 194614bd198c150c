"""Records of other apps that a plan's list items point at: a local asset chosen as an option or
as community support, say. The item keeps {"link": {"kind": ..., "id": ...}}; the app that owns
the record registers how to read it (in its AppConfig.ready()), so care plans never import it,
and the plan says when the record has since been withdrawn."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PlanLink:
    name: str
    url: str
    withdrawn: str = ""  # why it is no longer available, in plain English; "" while it is


# kind -> resolve(ids) -> {id: PlanLink}: one query for all the ids of that kind.
_RESOLVERS: dict[str, Callable[[set[int]], dict[int, PlanLink]]] = {}


def register_plan_link(kind: str, resolve: Callable[[set[int]], dict[int, PlanLink]]) -> None:
    _RESOLVERS[kind] = resolve


def item_link(item: dict) -> tuple[str, int] | None:
    link = item.get("link")
    if isinstance(link, dict) and link.get("kind") in _RESOLVERS and str(link.get("id", "")).isdigit():
        return link["kind"], int(link["id"])
    return None


def plan_links_resolve(items: Iterable[dict]) -> dict[tuple[str, int], PlanLink]:
    """Every linked record of these items, one query per kind of record linked (none without)."""
    wanted: dict[str, set[int]] = {}
    for item in items:
        found = item_link(item)
        if found:
            wanted.setdefault(found[0], set()).add(found[1])
    resolved: dict[tuple[str, int], PlanLink] = {}
    for kind, ids in wanted.items():
        records = _RESOLVERS[kind](ids)
        for record_id in ids:
            # A record gone altogether is withdrawn too.
            resolved[(kind, record_id)] = records.get(record_id) or PlanLink(name="", url="", withdrawn="It is no longer listed")
    return resolved
