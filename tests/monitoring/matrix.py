"""Authorization matrix rows for the monitoring pages (see tests/authorization_matrix.py)."""

from tests.harness.matrix import Row

ROWS: list[Row] = []
