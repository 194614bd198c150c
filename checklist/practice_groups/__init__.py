"""Practice groups: team managers from several teams using the checklist together."""
