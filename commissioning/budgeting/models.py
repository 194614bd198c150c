"""Records for budgeting live here."""
