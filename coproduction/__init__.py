# Without this import `.delay()` silently publishes to a default AMQP broker on
# localhost instead of our Redis: the Celery app must load with Django.
from .celery import app as celery_app

__all__ = ["celery_app"]
