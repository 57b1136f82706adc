"""Offline reading: the service worker script (served from the site root so that
its scope is the whole site) and the page shown when a page was never kept.

The script is `static/sw.js`, with its placeholders filled in here: a version
(changes whenever the script or a precached static file's hashed name changes, so
phones pick up a new release), the offline page's URL and the static files to keep.
"""

import hashlib
import json
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Static files every page needs, kept when the service worker installs.
PRECACHE = [
    "css/site.css",
    "js/offline.js",
    "js/site.js",
    "js/lesson.js",
    "js/quiz.js",
    "content/h5p-bridge.js",
]


@lru_cache(maxsize=1)
def _service_worker_source() -> str:
    with open(finders.find("sw.js"), encoding="utf-8") as f:
        source = f.read()
    precache = [static(name) for name in PRECACHE]
    offline_url = reverse("lms:offline")
    version = hashlib.sha256(
        "\n".join([source, offline_url, *precache]).encode()
    ).hexdigest()[:12]
    return (
        source.replace("__VERSION__", version)
        .replace("__OFFLINE_URL__", offline_url)
        .replace("__PRECACHE__", json.dumps(precache))
    )


@require_GET
@cache_control(no_cache=True, max_age=0)
def service_worker(request):
    response = HttpResponse(
        _service_worker_source(), content_type="text/javascript; charset=utf-8"
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline(request):
    """Shown by the service worker for a page that was not kept for offline use."""
    return render(request, "lms/offline.html")
