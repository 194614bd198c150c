"""sar pages in the authorization matrix (see tests/authorization_matrix.py)."""

from tests.harness.matrix import Row

ROWS: list[Row] = []
