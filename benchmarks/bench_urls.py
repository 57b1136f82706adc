"""Benchmark-only urlconf: the product's URLs plus two trivial views.

The trivial views give the framework's own ceiling on the same server and through
the same middleware: `/_bench/trivial/` answers a GET with a few bytes,
`/_bench/insert/` inserts one row (into a table the throughput benchmark creates
in its scratch database). They exist only here, never in `lms.urls`.
"""

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.utils import timezone

from benchmarks._common import BENCH_TABLE
from lms.urls import urlpatterns as product_urlpatterns


def trivial(request):
    return HttpResponse(b"ok", content_type="text/plain")


def insert_one(request):
    if request.method != "POST":
        return HttpResponse(status=405)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BENCH_TABLE} (created_at, body) VALUES (%s, %s)",  # noqa: S608
            [timezone.now(), request.body.decode("utf-8", "replace")[:4000]],
        )
    return HttpResponse(b"ok", content_type="text/plain")


# Before the product's patterns: Wagtail's page tree would otherwise catch them.
urlpatterns = [
    path("_bench/trivial/", trivial),
    path("_bench/insert/", insert_one),
    *product_urlpatterns,
]
