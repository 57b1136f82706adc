"""The broker transport survives Redis going away under a busy worker.

A worker that holds a task it has not acknowledged (one running, one with an
ETA) while it waits on a BRPOP for the next, with its remote-control queue
bound, is what Redis most often leaves behind when it goes. Celery then
collects the connection and closes it. kombu's Redis channel, as shipped,
leaves that channel half-closed and the second close raises AttributeError,
which ends the worker ("Unrecoverable error"; CI saw it once in the worker
fault test). Our transport, `lms.broker.Transport`, closes it all the same."""

import pytest
from kombu import Connection, Exchange, Queue

from django.conf import settings

from lms.celery import app


def _a_busy_worker_connection(url: str, transport: str) -> Connection:
    connection = Connection(url, transport=transport)
    tasks = connection.default_channel
    queue = Queue("balai-tasks")(tasks)
    queue.declare()
    for body in ("held", "next"):
        connection.Producer(tasks).publish(body, routing_key=queue.name)
    held = []
    consumer = connection.Consumer(
        queue, callbacks=[lambda body, message: held.append(body)]
    )
    consumer.qos(prefetch_count=1)
    consumer.consume()
    connection.drain_events(timeout=2)
    assert held == ["held"]  # delivered, not acknowledged

    control = connection.channel()
    mailbox = Exchange("worker.pidbox", type="fanout")
    pidbox = Queue("worker@host.pidbox", exchange=mailbox, auto_delete=True)(control)
    pidbox.declare()
    connection.Consumer(pidbox, channel=control, no_ack=True).consume()

    tasks.qos.prefetch_count = 0  # room for the next: its BRPOP goes out
    tasks._brpop_start()
    assert tasks._in_poll
    return connection


def _lose_the_connection_as_celery_does(connection: Connection) -> None:
    """celery.worker.consumer.Consumer.on_connection_error_after_connected"""
    connection.collect(socket_timeout=1)
    connection.close()


def test_kombus_redis_channel_as_shipped_ends_the_worker(redis_server):
    connection = _a_busy_worker_connection(redis_server.url, "redis")
    redis_server.stop()
    with pytest.raises(AttributeError, match="hostname"):
        _lose_the_connection_as_celery_does(connection)


def test_our_transport_closes_without_redis_and_connects_again(redis_server):
    connection = _a_busy_worker_connection(redis_server.url, "lms.broker:Transport")
    redis_server.stop()
    _lose_the_connection_as_celery_does(connection)

    redis_server.start()
    again = Connection(redis_server.url, transport="lms.broker:Transport")
    again.ensure_connection(max_retries=3)
    again.release()


def test_celery_uses_our_transport():
    assert settings.CELERY_BROKER_TRANSPORT == "lms.broker:Transport"
    with app.connection_for_write() as connection:
        assert connection.transport_cls == "lms.broker:Transport"
