"""Messages and preferences pages in the authorization matrix."""

from tests.harness.matrix import Row

ROWS: list[Row] = []
