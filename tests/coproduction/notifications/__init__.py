"""Tests of messages, preferences and delivery.

How tests drive delivery (for any app that calls notify()):

- What a person sees in the service: call notify() and read
  `coproduction.notifications.selectors.messages_for(user=...)`. Nothing else is needed.
- What reaches their inbox: use the `mailbox` fixture (tests/harness/mailbox.py, a real SMTP
  server) and the `deliver_now` fixture (tests/coproduction/notifications/delivery.py), then call
  `deliver_now()` after notify(): it runs the real delivery task in this process for every
  queued message, as the Celery worker would (tests run inside a transaction that is never
  committed, so the on-commit queueing of production does not happen). Then
  `mailbox.wait_for(1)` / `mailbox.messages`.
- The Notify path: the `notify_server` fixture (tests/harness/notify_server.py) configures
  NOTIFY_* settings to a local server speaking the Notify API; read `notify_server.sent("email")`.

All three fixtures are registered for every test in tests/conftest.py.
"""
