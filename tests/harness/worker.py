"""A real Celery worker, in a thread of the test process, consuming from the real Redis."""

import time
from contextlib import contextmanager

from celery.contrib.testing.worker import start_worker

from coproduction.celery import app


@contextmanager
def celery_worker():
    # perform_ping_check needs celery's own test tasks registered; the job itself proves it runs.
    with start_worker(app, pool="solo", concurrency=1, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30) as worker:
        yield worker


def wait_for(predicate, *, timeout: float = 60, every: float = 0.2):
    """Poll until predicate() is truthy; a deadline, not a timing assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"Still waiting after {timeout} s")
