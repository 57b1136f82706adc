"""Celery's broker transport: kombu's Redis transport, closing cleanly when
Redis is gone.

When a worker loses Redis, Celery collects the connection and then closes it.
kombu's Redis channel begins its close with two steps that talk to Redis: it
reads the reply of the BRPOP in flight (celery/kombu#1733) and deletes the
bindings of its fanout queues (the worker's remote-control queue). With Redis
gone either step raises, the close stops before the channel is marked closed,
and the second close finds the transport detached and raises AttributeError
("'NoneType' object has no attribute 'hostname'"), which ends the worker.
Here both steps give up quietly while the channel closes, so the close goes on
and the worker reconnects once Redis is back. Nothing else differs.
"""

from queue import Empty

from kombu.transport import redis


class Channel(redis.Channel):
    def _brpop_read(self, **options):
        try:
            return super()._brpop_read(**options)
        except self.connection_errors:
            if not self._closing:
                raise
            raise Empty() from None  # no reply will come: nothing was delivered

    def queue_delete(self, queue, *args, **kwargs):
        try:
            return super().queue_delete(queue, *args, **kwargs)
        except self.connection_errors:
            if not self._closing:
                raise
            return None  # the bindings went with Redis


class Transport(redis.Transport):
    Channel = Channel
