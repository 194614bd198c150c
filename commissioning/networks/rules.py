"""Who may see and do what in a network. Commissioners set networks up and run ordinary ones
with their members; every current member sees the network's pages, takes part in its
discussions and library, agrees its way of working and its meetings' minutes.

A peer support network is run by its own members: its moderators (members too) add members,
hold meetings and moderate threads. The council only enables it: commissioners see that it
exists and how many members it has, never who they are or what they say."""

import rules

from commissioning.rules import is_commissioner
from coproduction.core.rules_cache import cached_for_request


def memberships(user) -> dict[int, bool]:
    """network id -> whether the user moderates it, for the networks they are a current member of."""
    if not user.is_authenticated:
        return {}

    def load() -> dict[int, bool]:
        from .models import NetworkMember

        rows = NetworkMember.objects.filter(user=user, left_on__isnull=True).order_by().values_list("network_id", "is_moderator")
        return dict(rows)

    return cached_for_request(user, "networks.memberships", load)


@rules.predicate
def is_in_some_network(user) -> bool:
    return bool(memberships(user))


@rules.predicate
def is_network_member(user, network) -> bool:
    return network is not None and network.pk in memberships(user)


@rules.predicate
def is_network_moderator(user, network) -> bool:
    return network is not None and memberships(user).get(network.pk, False)


@rules.predicate
def is_peer_support(user, network) -> bool:
    return network is not None and network.is_peer_support


runs_ordinary_network = is_commissioner & ~is_peer_support

rules.add_perm("networks.view_network_list", is_commissioner | is_in_some_network)
rules.add_perm("networks.add_network", is_commissioner)
# The network's name, aim and how many members it has: a peer support network's too, for the council.
rules.add_perm("networks.view_network_summary", is_network_member | is_commissioner)
# Everything else on its pages: members, way of working, discussions, library, meetings, alliances.
rules.add_perm("networks.view_network", is_network_member | runs_ordinary_network)
rules.add_perm("networks.take_part", is_network_member)
# Members, meetings, papers and minutes, the way of working, a listing on the asset map.
rules.add_perm("networks.manage_network", runs_ordinary_network | (is_peer_support & is_network_moderator))
rules.add_perm("networks.moderate_threads", runs_ordinary_network | is_network_moderator)
rules.add_perm("networks.manage_alliance", runs_ordinary_network)
rules.add_perm("networks.list_on_asset_map", is_peer_support & is_network_moderator)
