"""Information governance pages: subject access, consent, retention and access review."""

from tests.coproduction.governance.access_review.matrix import ROWS as ACCESS_REVIEW_ROWS
from tests.coproduction.governance.consent.matrix import ROWS as CONSENT_ROWS
from tests.coproduction.governance.retention.matrix import ROWS as RETENTION_ROWS
from tests.coproduction.governance.sar.matrix import ROWS as SAR_ROWS

ROWS = [*SAR_ROWS, *CONSENT_ROWS, *RETENTION_ROWS, *ACCESS_REVIEW_ROWS]
