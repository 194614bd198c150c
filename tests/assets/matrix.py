"""Authorization matrix rows for the assets pages (see tests/authorization_matrix.py)."""

from tests.harness.matrix import Row

ROWS: list[Row] = []
