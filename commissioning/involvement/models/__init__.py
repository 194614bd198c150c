"""Involvement: profiles (profile.py), the recognition and expenses ledger (ledger.py), reach and
peer researchers (reach.py), and the Spectrum of Practice self-assessment (selfassessment.py)."""

from .ledger import *  # noqa: F403
from .profile import *  # noqa: F403
from .reach import *  # noqa: F403
from .selfassessment import *  # noqa: F403
