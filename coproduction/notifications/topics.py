from django.db import models


class Topic(models.TextChoices):
    """What a message is about: each person chooses per topic whether and how they hear."""

    REVIEW_DUE = "review_due", "Reviews of a care and support plan coming up"
    REVIEW_OVERDUE = "review_overdue", "Reviews that are overdue"
    PLAN_CHANGED = "plan_changed", "A care and support plan agreed or changed"
    CHECKLIST = "checklist", "A checklist ready for you to fill in"
    INVITATION = "invitation", "Invitations to workshops, events and meetings"
    REMINDER = "reminder", "Reminders the day before something you are going to"
    PANEL = "panel", "Procurement panel briefing packs and dates"
    BUDGETING = "budgeting", "Participatory budgeting votes and results"
    CLAIM = "claim", "Your recognition and expenses claims"
    REPORT_READY = "report_ready", "Reports ready to download"
    PAPERS = "papers", "Papers for meetings you are in"
    CASE_SYSTEM = "case_system", "Imports from the case management system"
    PROGRAMME = "programme", "Where your co-production groups have got to"
