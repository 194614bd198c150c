"""Procurement panels: the panel and its preparation (panel.py), bids and scoring (scoring.py)."""

from .panel import *  # noqa: F403
from .scoring import *  # noqa: F403
