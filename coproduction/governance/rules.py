"""Who may do what in information governance. Each part keeps its predicates in its own
rules.py (sar/, consent/, retention/, access_review/); importing them here registers them,
as django-rules discovers only the app's own rules module."""

from .access_review import rules as access_review_rules  # noqa: F401
from .consent import rules as consent_rules  # noqa: F401
from .retention import rules as retention_rules  # noqa: F401
from .sar import rules as sar_rules  # noqa: F401
