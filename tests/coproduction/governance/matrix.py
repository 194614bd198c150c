"""Information governance pages: subject access, consent and retention/access review."""

from tests.governance.matrix_consent import ROWS as CONSENT_ROWS
from tests.governance.matrix_retention import ROWS as RETENTION_ROWS
from tests.governance.matrix_sar import ROWS as SAR_ROWS

ROWS = [*SAR_ROWS, *CONSENT_ROWS, *RETENTION_ROWS]
