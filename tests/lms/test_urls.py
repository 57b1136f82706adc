"""The course tree's URLs go straight to Wagtail's page view; no app has a URL
under the catalogue, so nothing is shadowed by that shortcut."""

from django.urls import URLPattern, URLResolver, get_resolver, resolve

from wagtail import views as wagtail_views

from lms.urls import CATALOGUE_SLUG


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.callback


def test_a_lesson_url_is_served_by_wagtails_page_view():
    match = resolve(f"/{CATALOGUE_SLUG}/akuntansi/modul-1/jurnal-umum/")

    assert match.func is wagtail_views.serve
    assert match.args == (f"{CATALOGUE_SLUG}/akuntansi/modul-1/jurnal-umum/",)


def test_no_app_has_a_url_under_the_catalogue():
    under = [
        route
        for route, view in _routes(get_resolver().url_patterns)
        if view is not wagtail_views.serve
        and route.lstrip("^").startswith(CATALOGUE_SLUG)
    ]

    assert under == []
