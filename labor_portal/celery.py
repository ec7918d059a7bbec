"""The Celery app: eager in-process when REDIS_URL is unset, Redis-backed otherwise (see settings)."""

import os
import socket

from celery import Celery
from celery.exceptions import TimeoutError as NoAnswer
from celery.signals import celeryd_init
from celery.utils import worker_direct
from celery.worker.consumer import Consumer as CeleryConsumer
from kombu.exceptions import OperationalError
from redis.exceptions import RedisError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labor_portal.settings")

app = Celery("labor_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class Consumer(CeleryConsumer):
    """Celery's consumer, minus the crash that killed the worker when Redis restarted under load (issue 8).

    Celery 5.7.0 cleans a broken connection twice (Consumer.on_connection_error_after_connected):
    `connection.collect()` detaches the transport (`transport.client = None`) even when closing the default
    channel failed on the dead socket, then `connection.close()` closes that channel again, which restores its
    unacknowledged messages (acks_late tasks in flight) through the detached transport: kombu 5.7.0's
    `Channel._connparams` reads `self.connection.client.hostname` and raises AttributeError, which
    `ignore_errors` lets through and the worker exits with "Unrecoverable error". After collect() the channel
    is forgotten instead: Redis hands its unacknowledged messages out again after the visibility timeout.
    """

    def on_connection_error_after_connected(self, exc):
        if self.connection is not None:
            _forget_default_channel_after_collect(self.connection)
        super().on_connection_error_after_connected(exc)


def _forget_default_channel_after_collect(connection) -> None:
    collect = connection.collect

    def collect_then_forget(*args, **kwargs):
        try:
            return collect(*args, **kwargs)
        finally:
            connection._default_channel = None

    connection.collect = collect_then_forget


@celeryd_init.connect
def use_worker_broker_options(sender=None, conf=None, **kwargs):
    """A worker connects with its own transport options, not the web publisher's "try once" (see settings)."""
    from django.conf import settings

    conf.broker_transport_options = settings.WORKER_BROKER_TRANSPORT_OPTIONS


@app.task(name="labor_portal.ping", ignore_result=False)
def ping() -> str:
    """Answers 'pong': lets health checks and CI prove a worker round trip."""
    return "pong"


def worker_healthy(nodename: str | None = None, timeout: float = 15) -> bool:
    """True when the worker `nodename` (this host's by default) takes a ping task from Redis and runs it.

    The ping goes to that worker's own queue (worker_direct), so no other worker can answer for it: the
    docker-compose health check of a worker, stronger than `inspect ping`, which a consumer that no longer
    takes tasks still answers.
    """
    nodename = nodename or f"celery@{socket.gethostname()}"
    try:
        result = ping.apply_async(queue=worker_direct(nodename), expires=timeout, retry=False)
        return result.get(timeout=timeout) == "pong"
    except (NoAnswer, OperationalError, RedisError, OSError):
        return False
