from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "coproduction.notifications"
    label = "notifications"
    verbose_name = "Messages and reminders"
