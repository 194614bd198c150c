"""Records for priorities live here."""
