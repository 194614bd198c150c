"""Authorization matrix rows for the coassessment pages (see tests/authorization_matrix.py)."""

from tests.harness.matrix import Row

ROWS: list[Row] = []
