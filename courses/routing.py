"""Serving the course tree with less of Wagtail's per-request work.

Wagtail's page view, on every request, finds the Site by a query, reads the
site's root page, walks the tree a query per level, then reads every ancestor
(for aliases) and their view restrictions. For the course tree (the catalogue,
courses, modules, lessons: the pages participants open all day),
`PageRouteMiddleware` hands Wagtail's view what it would have found:

- the Site, from a list of sites kept in the cache (dropped when a site is saved
  or deleted, as Wagtail's own site root paths are), matched to the request's
  host and port the way `wagtail.models.sites.get_site_for_hostname` does;
- the page, by its URL path in one query of the model its depth names, which
  also says whether any page from
  the root down to it (itself included) has a view restriction or is an alias.
  Only when neither, the page knows it has no view restriction
  (`view_restrictions_known_none`); otherwise Wagtail checks as always. The
  check itself still runs in Wagtail's `on_serve_page` hook, on the same page.
  On PostgreSQL the query is constant SQL per page type (built once), its row
  turned into the page by `lms.rows.RowModel`: no ORM compile per request. For a
  lesson it also reads the signed-in visitor's enrolment, course, progress and
  whether the lesson has counting activities (`route_enrollment`, taken by
  `courses.selectors.lesson_enrollment` for that same user only): the lesson
  page is then the session, the user and this one query.

Any other URL, a page outside the course tree, a page not live or not found:
Wagtail routes it itself, unchanged.
"""

import json
import time

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    JSONField,
    OuterRef,
)
from django.db.models.expressions import RawSQL
from django.db.models.lookups import StartsWith
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from lms.models import User
from lms.rows import RowModel, fetch_one

from .models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .selectors import lesson_enrollment_from_row, lesson_enrollment_select

SITES_CACHE_KEY = "balai:sites"
# How long a process keeps the sites it read from the cache before asking again:
# a site saved or deleted is seen at once by the process that saved it and
# within this time by the others (a site is edited a few times a year; the
# course pages are read all day).
SITES_LOCAL_SECONDS = 10
_local_sites: tuple[float, list[Site], tuple] | None = None


def _sites_read() -> tuple[list[Site], tuple]:
    """The sites and their fingerprint: what decides a page's URL on each."""
    global _local_sites
    now = time.monotonic()
    if _local_sites is not None and now - _local_sites[0] < SITES_LOCAL_SECONDS:
        return _local_sites[1], _local_sites[2]
    sites = cache.get(SITES_CACHE_KEY)
    if sites is None:
        sites = list(Site.objects.select_related("root_page"))
        cache.set(SITES_CACHE_KEY, sites, None)
    fingerprint = tuple(
        (s.pk, s.hostname, s.port, s.is_default_site, s.root_page.url_path)
        for s in sites
    )
    _local_sites = (now, sites, fingerprint)
    return sites, fingerprint


def _sites() -> list[Site]:
    return _sites_read()[0]


def sites_fingerprint() -> tuple:
    """The sites' hosts, ports and root pages: a page's URL depends on them
    (`courses.lesson_page`)."""
    return _sites_read()[1]


def sites_local_forget() -> None:
    """Forget the sites this process keeps (they are read again on next use)."""
    global _local_sites
    _local_sites = None


def sites_forget(**kwargs) -> None:
    sites_local_forget()
    cache.delete(SITES_CACHE_KEY)


post_save.connect(sites_forget, sender=Site, dispatch_uid="balai-sites-save")
post_delete.connect(sites_forget, sender=Site, dispatch_uid="balai-sites-delete")


def site_for(hostname: str, port: int) -> Site | None:
    """The site Wagtail would pick for this host and port (same ranking)."""

    def rank(site: Site) -> int:
        if site.hostname == hostname and site.port == port:
            return 0
        if site.hostname == hostname and site.is_default_site:
            return 1
        if site.is_default_site:
            return 2
        return 3

    sites = sorted(
        (s for s in _sites() if s.hostname == hostname or s.is_default_site),
        key=rank,
    )
    if not sites:
        return None
    if len(sites) == 1 or rank(sites[0]) in (0, 1):
        return sites[0]
    return sites[len(sites) == 2]


def _ancestor_or_self(queryset, path_field: str):
    """Rows whose `path_field` is the outer page's path or a prefix of it."""
    outer = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    return queryset.filter(StartsWith(outer, F(path_field)))


# On PostgreSQL the checks are plain SQL (compiled once, not per request by the
# ORM): whether the page or an ancestor has a view restriction or is an alias,
# and, for a lesson, its module and the live lessons of its course as JSON.
_RESTRICTED_SQL = (
    "EXISTS (SELECT 1 FROM wagtailcore_pageviewrestriction r"
    " JOIN wagtailcore_page a ON a.id = r.page_id"
    " WHERE wagtailcore_page.path LIKE a.path || '%%')"
)
_ALIASED_SQL = (
    "EXISTS (SELECT 1 FROM wagtailcore_page a WHERE a.alias_of_id IS NOT NULL"
    " AND wagtailcore_page.path LIKE a.path || '%%')"
)
_PLACE_SQL = (
    "(SELECT json_agg(json_build_object('pk', p.id, 'title', p.title,"
    " 'url_path', p.url_path, 'path', p.path, 'depth', p.depth) ORDER BY p.path)"
    " FROM wagtailcore_page p"
    " WHERE p.path = substr(wagtailcore_page.path, 1, %s)"
    " OR (p.depth = %s AND p.live"
    " AND p.path LIKE substr(wagtailcore_page.path, 1, %s) || '%%'))::text"
)


def _annotations(model, depth: int) -> dict:
    """What the route query reads besides the page (see `course_page_route`)."""
    if connection.vendor != "postgresql":
        restricted = _ancestor_or_self(PageViewRestriction.objects.all(), "page__path")
        aliased = _ancestor_or_self(Page.objects.filter(alias_of__isnull=False), "path")
        return {
            "route_restricted": Exists(restricted),
            "route_aliased": Exists(aliased),
        }
    found = {
        "route_restricted": RawSQL(_RESTRICTED_SQL, [], output_field=BooleanField()),  # noqa: S611 (constant SQL)
        "route_aliased": RawSQL(_ALIASED_SQL, [], output_field=BooleanField()),  # noqa: S611 (constant SQL)
    }
    if model is LessonPage:
        step = Page.steplen
        found["route_place"] = RawSQL(  # noqa: S611 (constant SQL, integer parameters)
            _PLACE_SQL,
            [(depth - 1) * step, depth, (depth - 2) * step],
            output_field=JSONField(),
        )
    return found


# The course tree hangs under the site's root page: the catalogue is one level
# below it, a lesson four. A path's length names the one model to look in; a page
# of another type at that path is left to Wagtail.
MODEL_BY_LEVEL = {1: CourseIndexPage, 2: CoursePage, 3: ModulePage, 4: LessonPage}


# On PostgreSQL, the whole route query is constant SQL per page type (`lms.rows`):
# the page's columns (its type's table joined to Wagtail's), the checks above,
# and for a lesson the visitor's enrolment in its course (by the unique (user,
# course) index), that course, their progress in the lesson and whether it has
# counting activities: what the visit hook reads (`lesson_enrollment`).
_LESSON_ENROLLMENT_JOIN = (
    # The course by its tree path (unique), then the enrolment by (user,
    # course): one index look-up each.
    " LEFT JOIN wagtailcore_page cpage"
    "  ON cpage.path = substr(wagtailcore_page.path, 1, %s)"
    " LEFT JOIN courses_enrollment e ON e.user_id = %s AND e.course_id = cpage.id"
    " LEFT JOIN courses_coursepage c ON c.page_ptr_id = e.course_id"
    " LEFT JOIN courses_lessonprogress lp"
    "  ON lp.enrollment_id = e.id AND lp.lesson_id = m.page_ptr_id"
)
# The lesson's body as PostgreSQL stores it (jsonb's canonical text), digested:
# the same body, the same digest (`courses.lesson_page`).
_BODY_DIGEST_SQL = "md5(m.body::text)"
_ROUTE_ROWS: dict[type[Page], tuple[RowModel, str]] = {}


def _route_rows(model: type[Page]) -> tuple[RowModel, str]:
    """The route query of a page type: its column set and SQL (built once)."""
    if model not in _ROUTE_ROWS:
        rows = RowModel(model, {Page: "wagtailcore_page", model: "m"})
        checks = [_RESTRICTED_SQL, _ALIASED_SQL]
        joins = ""
        if model is LessonPage:
            checks += [
                _PLACE_SQL,
                _BODY_DIGEST_SQL,
                lesson_enrollment_select("m.page_ptr_id"),
            ]
            joins = _LESSON_ENROLLMENT_JOIN
        table = model._meta.db_table
        sql = (
            f"SELECT {rows.select}, {', '.join(checks)}"  # noqa: S608 (metadata)
            f" FROM {table} m JOIN wagtailcore_page"
            f" ON wagtailcore_page.id = m.page_ptr_id{joins}"
            " WHERE wagtailcore_page.url_path = %s LIMIT 1"
        )
        _ROUTE_ROWS[model] = (rows, sql)
    return _ROUTE_ROWS[model]


def _route_page(
    model: type[Page], url_path: str, depth: int, user: User | None = None
) -> Page | None:
    """The page of this type at this URL path, with `route_restricted`,
    `route_aliased` and, for a lesson, `route_place` (with its text,
    `route_place_text`) and `route_body_digest` set, or None. For a lesson
    and a signed-in `user` (on PostgreSQL), also `route_enrollment`: (their id,
    their enrolment as `lesson_enrollment` reads it, or None)."""
    if connection.vendor != "postgresql":
        found = model.objects.filter(url_path=url_path).annotate(
            **_annotations(model, depth)
        )
        return next(iter(found.order_by()[:1]), None)
    rows, sql = _route_rows(model)
    user_id = user.pk if user is not None and user.is_authenticated else None
    params: list = []
    if model is LessonPage:
        step = Page.steplen
        course_path = (depth - 2) * step
        params = [(depth - 1) * step, depth, course_path, course_path, user_id]
    row = fetch_one(sql, [*params, url_path])
    if row is None:
        return None
    page = rows.instance(row[: len(rows)])
    checks = row[len(rows) :]
    page.route_restricted, page.route_aliased = checks[0], checks[1]
    if model is LessonPage:
        page.route_place = None if checks[2] is None else json.loads(checks[2])
        # What decides the lesson's place and body, as read (for keys).
        page.route_place_text, page.route_body_digest = checks[2], checks[3]
        if user_id is not None:
            enrollment = lesson_enrollment_from_row(checks[4:], user)
            page.route_enrollment = (user_id, enrollment)
    return page


def course_page_route(
    site: Site, path: str, user: User | None = None
) -> RouteResult | None:
    """The live course-tree page at this path of the site, in one query, or None
    to let Wagtail route it. For a lesson, the query also reads `user`'s
    enrolment (`_route_page`)."""
    model = MODEL_BY_LEVEL.get(len([part for part in path.split("/") if part]))
    if model is None:
        return None
    depth = site.root_page.depth + len([part for part in path.split("/") if part])
    page = _route_page(model, site.root_page.url_path + path, depth, user)
    if page is None or not page.live:
        return None
    page.view_restrictions_known_none = not (
        page.route_restricted or page.route_aliased
    )
    return RouteResult(page)


class PageRouteMiddleware:
    """Gives Wagtail's page view the site and, for course pages, the route."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        hostname = split_domain_port(request._get_raw_host())[0]
        try:
            port = int(request.get_port())
        except ValueError:
            return None
        site = site_for(hostname, port)
        if site is None:
            return None
        request._wagtail_site = site
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        if path:
            route = course_page_route(site, path, getattr(request, "user", None))
            if route is not None:
                request._wagtail_route_for_request = route
        return None
