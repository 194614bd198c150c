"""Records for specifications live here."""
