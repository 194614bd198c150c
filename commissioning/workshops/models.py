"""Records for workshops live here."""
