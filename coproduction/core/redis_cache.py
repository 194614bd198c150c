"""Django's Redis cache, with one client per connection pool instead of one per call.

Django's backend builds a new `redis.Redis` client for every cache call, and each build fills a
table of about 170 reply handlers: on a signed-in page (the session, the account, the unread
count) that was a measurable share of the request. A client holds no connection of its own (it
borrows one from the pool for each command) and is safe to share between threads, so one per
pool is kept."""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
