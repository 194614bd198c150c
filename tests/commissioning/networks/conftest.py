"""A small network for the network tests: the COMMISSIONER, PERSON and CARER users are its members."""

import pytest

from commissioning.networks import services
from commissioning.networks.models import Network, NetworkMember


@pytest.fixture
def network(commissioner, person, carer):
    network = services.network_create(by=commissioner, data={"name": "Good days network", "kind": Network.Kind.NETWORK,
                                                             "aim": "Everyone has a good day."})
    for user, kind in ((commissioner, NetworkMember.Kind.COMMISSIONER), (person, NetworkMember.Kind.PERSON), (carer, NetworkMember.Kind.CARER)):
        services.member_add(network=network, by=commissioner, data={"user": user, "kind": kind})
    return network
