"""Read-only REST API for national and regional monitoring systems.

Token authentication (`Authorization: Token <key>`); the token's user is scoped
like on the pages (`lms.scoping`): a regency officer's token sees only its regency.
OpenAPI schema at /api/v1/schema/.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    schema,
)
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from django.db.models import Count, Q
from django.urls import path, re_path
from django.utils.translation import gettext as _

from courses.models import Cohort, CoursePage
from lms import scoping
from lms.models import Village
from lms.regions import codes

from . import selectors
from .selectors.filters import VILLAGE_KEYS, period_q, region_rows_q


class RegionCompletionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Kemendagri region code, e.g. 63.03")
    name = serializers.CharField()
    villages = serializers.IntegerField()
    cooperatives = serializers.IntegerField()
    participants = serializers.IntegerField(help_text="Participants registered")
    enrolled = serializers.IntegerField()
    started = serializers.IntegerField()
    completed = serializers.IntegerField()
    certified = serializers.IntegerField()
    covered = serializers.IntegerField(
        help_text="Villages whose participants reached the certified quota"
    )
    completion_percent = serializers.IntegerField()
    coverage_percent = serializers.IntegerField()


class CooperativeCompletionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    legal_number = serializers.CharField(allow_null=True)
    home_village = serializers.CharField(
        source="home_village_id", help_text="Village code"
    )
    participants = serializers.IntegerField()
    enrolled = serializers.IntegerField()
    started = serializers.IntegerField()
    completed = serializers.IntegerField()


class MonitorPermission(IsAuthenticated):
    def has_permission(self, request, view):
        return (
            super().has_permission(request, view)
            and scoping.person_can(request.user).follow_regions
        )


COURSE = OpenApiParameter("course", OpenApiTypes.INT, description="Course id")
TRACK = OpenApiParameter("track", OpenApiTypes.STR, description="Track slug")
COHORT = OpenApiParameter("cohort", OpenApiTypes.INT, description="Cohort id")
SINCE = OpenApiParameter(
    "from",
    OpenApiTypes.DATE,
    description="Count what happened on or after this day (YYYY-MM-DD): "
    "enrolled, started, completed, certified",
)
UNTIL = OpenApiParameter(
    "to", OpenApiTypes.DATE, description="... on or before this day (YYYY-MM-DD)"
)
FILTERS = [COURSE, TRACK, COHORT, SINCE, UNTIL]
_FILTER_NAMES = {"course": "kursus", "track": "jalur", "cohort": "angkatan"}
_ALWAYS = {"format", "page", "page_size"}


def _filters(request, *, allowed: set[str]) -> selectors.Filters:
    """The filters of a request; a parameter the endpoint does not know is a 400,
    never silently ignored."""
    unknown = set(request.query_params) - allowed - _ALWAYS
    if unknown:
        raise ValidationError(
            {
                name: _("Parameter tidak didukung endpoint ini.")
                for name in sorted(unknown)
            }
        )
    query = {
        local: request.query_params.get(name, "")
        for name, local in _FILTER_NAMES.items()
    }
    query["dari"] = request.query_params.get("from", "")
    query["sampai"] = request.query_params.get("to", "")
    filters = selectors.filters_from_query(query)
    if filters.errors:
        raise ValidationError({"filters": filters.errors})
    if (
        filters.cohort_id
        and not Cohort.objects.filter(
            scoping.cohort_reports_q(request.user)
            | scoping.officer_cohorts_q(request.user),
            pk=filters.cohort_id,
        ).exists()
    ):
        raise ValidationError({"cohort": [_("Angkatan tidak dikenal.")]})
    return filters


FILTER_PARAMS = {"course", "track", "cohort", "from", "to"}


def _region(request, name: str, *, villages: bool = False) -> str:
    code = request.query_params.get(name, "").strip()
    code = code or scoping.scope_root(request.user)
    if code == scoping.NO_REGION:
        code = ""  # an assistant: their villages, wherever they are
    if (
        not codes.is_code(code, country=True)
        # a village has no child regions
        or (codes.level_of(code) == codes.VILLAGE and not villages)
        or not scoping.can_see_region(request.user, code)
    ):
        raise NotFound(_("Wilayah tidak ditemukan."))
    return code


class RegionCompletionList(ListAPIView):
    """Completion counts for each child region of `parent` (default: your scope)."""

    serializer_class = RegionCompletionSerializer
    permission_classes = [MonitorPermission]
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "parent",
                OpenApiTypes.STR,
                description='Region code ("" = country, 63 = province, 63.03 = regency, '
                "63.03.05 = district); children are listed",
            ),
            *FILTERS,
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        filters = _filters(self.request, allowed={"parent", *FILTER_PARAMS})
        code = _region(self.request, "parent")
        table = selectors.region_table(
            user=self.request.user, code=code, filters=filters
        )
        return table["rows"]


class CooperativeCompletionList(ListAPIView):
    """Completion counts per cooperative of a region (paginated, 100 per page)."""

    serializer_class = CooperativeCompletionSerializer
    permission_classes = [MonitorPermission]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "region", OpenApiTypes.STR, description="Region code (default: scope)"
            ),
            *FILTERS,
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not scoping.person_can(self.request.user).run_programmes:
            raise PermissionDenied
        filters = _filters(self.request, allowed={"region", *FILTER_PARAMS})
        code = _region(self.request, "region")
        prefix = "members__enrollments__"
        enrollment = Q()
        if filters.course_ids is not None:
            enrollment &= Q(**{f"{prefix}course_id__in": filters.course_ids})
        if filters.cohort_id:
            enrollment &= Q(**{f"{prefix}cohort_id": filters.cohort_id})
        return (
            scoping.visible_cooperatives(self.request.user)
            .filter(region_rows_q(code, field="home_village__code"))
            .annotate(
                participants=Count("members", distinct=True),
                enrolled=Count(
                    "members__enrollments",
                    filter=enrollment & period_q(f"{prefix}enrolled_at", filters),
                ),
                started=Count(
                    "members__enrollments",
                    filter=enrollment & period_q(f"{prefix}started_at", filters),
                ),
                completed=Count(
                    "members__enrollments",
                    filter=enrollment & period_q(f"{prefix}completed_at", filters),
                ),
            )
            .order_by("home_village_id", "name")
        )


class VillageCompletionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Village code, e.g. 63.03.01.2001")
    name = serializers.CharField()
    district = serializers.CharField(help_text="District code")
    regency = serializers.CharField(help_text="Regency code")
    cooperatives = serializers.IntegerField()
    participants = serializers.IntegerField(help_text="Participants registered")
    enrolled = serializers.IntegerField()
    started = serializers.IntegerField()
    completed = serializers.IntegerField()
    certified = serializers.IntegerField()
    covered = serializers.BooleanField(
        help_text="Covered (Desa tuntas), as the dashboard defines it"
    )
    completion_percent = serializers.IntegerField()


class VillagePagination(PageNumberPagination):
    page_size = 1000
    page_size_query_param = "page_size"
    max_page_size = 5000


class VillageCompletionList(ListAPIView):
    """Completion per village of a whole region (a province: its ~2,000 villages
    in 1–3 pages), 1,000 villages per page by default, up to 5,000."""

    serializer_class = VillageCompletionSerializer
    permission_classes = [MonitorPermission]
    pagination_class = VillagePagination

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "region",
                OpenApiTypes.STR,
                description='Region code ("" = your whole scope, 63 = province)',
            ),
            OpenApiParameter("page_size", OpenApiTypes.INT, description="≤ 5000"),
            *FILTERS,
        ]
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        self.filters = _filters(self.request, allowed={"region", *FILTER_PARAMS})
        code = _region(self.request, "region", villages=True)
        return (
            Village.objects.filter(
                scoping.region_q(self.request.user, "code"),
                region_rows_q(code, field="code", keys=VILLAGE_KEYS),
            )
            .order_by("code")
            .values("code", "name", "district_id", "regency_id")
        )

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return selectors.village_figures(
            user=self.request.user, villages=page, filters=self.filters
        )


class CourseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
    track = serializers.CharField(source="track.slug", allow_null=True, default=None)


class CourseList(ListAPIView):
    """The live courses (ids for the `course` filter)."""

    serializer_class = CourseSerializer
    permission_classes = [MonitorPermission]
    pagination_class = None

    def get_queryset(self):
        _filters(self.request, allowed=set())
        return CoursePage.objects.live().select_related("track").order_by("path")


@api_view(["GET"])
@permission_classes([AllowAny])
@authentication_classes([])
@schema(None)
def api_root(request):
    """What this API offers (no token needed to read the list)."""
    return Response(
        {
            "endpoints": {
                "courses": request.build_absolute_uri("courses/"),
                "completion_regions": request.build_absolute_uri("completion/regions/"),
                "completion_villages": request.build_absolute_uri(
                    "completion/villages/"
                ),
                "completion_cooperatives": request.build_absolute_uri(
                    "completion/cooperatives/"
                ),
                "schema": request.build_absolute_uri("schema/"),
            },
            "authentication": "Authorization: Token <key>",
        }
    )


@api_view(["GET", "POST", "PUT", "PATCH", "DELETE"])
@permission_classes([AllowAny])
@authentication_classes([])
@schema(None)
def api_not_found(request, rest=""):
    raise NotFound(_("Endpoint tidak ditemukan. Lihat /api/v1/ untuk daftarnya."))


class SchemaView(SpectacularAPIView):
    """The OpenAPI schema of this API only (not the CMS's own endpoints)."""

    permission_classes = [AllowAny]
    urlconf = "lms.dinas.api_schema_urls"


endpoints = [
    path("courses/", CourseList.as_view(), name="api_courses"),
    path(
        "completion/regions/",
        RegionCompletionList.as_view(),
        name="api_completion_regions",
    ),
    path(
        "completion/villages/",
        VillageCompletionList.as_view(),
        name="api_completion_villages",
    ),
    path(
        "completion/cooperatives/",
        CooperativeCompletionList.as_view(),
        name="api_completion_cooperatives",
    ),
]

urlpatterns = [
    path("", api_root, name="api_root"),
    *endpoints,
    path("schema/", SchemaView.as_view(), name="api_schema"),
    re_path(r"^(?P<rest>.*)$", api_not_found),
]
